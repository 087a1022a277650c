"""GitHub Actions expressions (`${{ … }}`), as the runner of the Action's tests evaluates them: literals,
contexts (`github.event.pull_request.number`, `steps.plan.outputs.plan-file`, `matrix.env`), `!`, `==`,
`!=`, `<`, `>`, `&&`, `||`, parentheses, and the functions the workflows use (always, success, failure,
cancelled, contains, startsWith, endsWith, format, toJSON, fromJSON). Comparisons of strings ignore
case and `&&`/`||` give an operand, as GitHub's do; an unknown function is an error, never a guess.
"""

import json
import re

TOKEN = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?\d+(?:\.\d+)?)|(?P<op>==|!=|<=|>=|&&|\|\||[!<>()\[\],.*])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))"
)


class ExpressionError(Exception):
    pass


def tokens(text):
    position, found = 0, []
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ExpressionError(f"cannot read the expression at '{text[position:]}'")
        kind = match.lastgroup
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


def truthy(value):
    return value not in (None, False, 0, "", 0.0)


def text(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def equal(left, right):
    if isinstance(left, str) and isinstance(right, str):
        return left.lower() == right.lower()
    if isinstance(left, (dict, list)) or isinstance(right, (dict, list)):
        return left is right
    if type(left) is not type(right):
        return number(left) == number(right)
    return left == right


def number(value):
    if value is None or value is False:
        return 0
    if value is True:
        return 1
    if isinstance(value, (int, float)):
        return value
    try:
        return float(value) if value.strip() else 0
    except (ValueError, AttributeError):
        return float("nan")


class Evaluator:
    def __init__(self, contexts, status):
        self.contexts = contexts  # name -> value
        self.status = status  # "success" | "failure" | "cancelled": of the steps so far

    def evaluate(self, expression):
        self.items = tokens(expression)
        self.position = 0
        value = self.disjunction()
        if self.position != len(self.items):
            raise ExpressionError(f"unexpected '{self.items[self.position][1]}' in {expression}")
        return value

    def peek(self):
        return self.items[self.position][1] if self.position < len(self.items) else None

    def take(self, expected=None):
        if self.position >= len(self.items):
            raise ExpressionError("the expression ends too early")
        kind, value = self.items[self.position]
        if expected is not None and value != expected:
            raise ExpressionError(f"expected '{expected}', found '{value}'")
        self.position += 1
        return kind, value

    def disjunction(self):
        value = self.conjunction()
        while self.peek() == "||":
            self.take()
            right = self.conjunction()
            value = value if truthy(value) else right
        return value

    def conjunction(self):
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            right = self.comparison()
            value = right if truthy(value) else value
        return value

    def comparison(self):
        value = self.unary()
        while self.peek() in ("==", "!=", "<", ">", "<=", ">="):
            _, operator = self.take()
            right = self.unary()
            if operator == "==":
                value = equal(value, right)
            elif operator == "!=":
                value = not equal(value, right)
            else:
                a, b = number(value), number(right)
                value = {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[operator]
        return value

    def unary(self):
        if self.peek() == "!":
            self.take()
            return not truthy(self.unary())
        return self.postfix()

    def postfix(self):
        value = self.primary()
        while self.peek() in (".", "["):
            if self.take()[1] == ".":
                _, name = self.take()
                value = value.get(name) if isinstance(value, dict) else None
            else:
                key = self.disjunction()
                self.take("]")
                if isinstance(value, dict):
                    value = value.get(text(key))
                elif isinstance(value, list) and isinstance(key, (int, float)) and 0 <= key < len(value):
                    value = value[int(key)]
                else:
                    value = None
        return value

    def primary(self):
        kind, value = self.take()
        if value == "(":
            inner = self.disjunction()
            self.take(")")
            return inner
        if kind == "string":
            return value[1:-1].replace("''", "'")
        if kind == "number":
            return float(value) if "." in value else int(value)
        if kind != "name":
            raise ExpressionError(f"unexpected '{value}'")
        if value in ("true", "false"):
            return value == "true"
        if value == "null":
            return None
        if self.peek() == "(":
            self.take()
            arguments = []
            while self.peek() != ")":
                arguments.append(self.disjunction())
                if self.peek() == ",":
                    self.take()
            self.take(")")
            return self.call(value, arguments)
        if value not in self.contexts:
            raise ExpressionError(f"unknown context '{value}'")
        return self.contexts[value]

    def call(self, name, arguments):
        if name == "always":
            return True
        if name == "success":
            return self.status == "success"
        if name == "failure":
            return self.status == "failure"
        if name == "cancelled":
            return self.status == "cancelled"
        if name == "contains":
            haystack, needle = arguments
            if isinstance(haystack, list):
                return any(equal(item, needle) for item in haystack)
            return text(needle).lower() in text(haystack).lower()
        if name == "startsWith":
            return text(arguments[0]).lower().startswith(text(arguments[1]).lower())
        if name == "endsWith":
            return text(arguments[0]).lower().endswith(text(arguments[1]).lower())
        if name == "format":
            result = text(arguments[0])
            for index, argument in enumerate(arguments[1:]):
                result = result.replace("{" + str(index) + "}", text(argument))
            return result
        if name == "toJSON":
            return json.dumps(arguments[0], indent=2)
        if name == "fromJSON":
            return json.loads(text(arguments[0]))
        raise ExpressionError(f"the runner has no function {name}()")


STATUS_FUNCTIONS = re.compile(r"\b(always|success|failure|cancelled)\s*\(")
TEMPLATE = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def substitute(value, contexts, status="success"):
    """A string with its `${{ … }}` replaced by their values (other values as they are)."""
    if not isinstance(value, str):
        return value
    return TEMPLATE.sub(lambda match: text(Evaluator(contexts, status).evaluate(match.group(1))), value)


def condition(expression, contexts, status):
    """An `if:`: with no status function in it, `success() && (…)`, as GitHub reads it."""
    if expression is None or expression == "":
        return status == "success"
    if isinstance(expression, bool):
        return expression and status == "success"
    expression = str(expression).strip()
    match = TEMPLATE.fullmatch(expression)
    if match:
        expression = match.group(1)
    if not STATUS_FUNCTIONS.search(expression):
        expression = f"success() && ({expression})"
    return truthy(Evaluator(contexts, status).evaluate(expression))


def filter_pattern(pattern):
    """A workflow filter pattern (branches, tags) as a regular expression: * any characters but /,
    ** any, ? zero or one of the preceding character, + one or more of it, [..] a set."""
    result, index = "", 0
    while index < len(pattern):
        character = pattern[index]
        if pattern.startswith("**", index):
            result, index = result + ".*", index + 2
            continue
        if character == "*":
            result += "[^/]*"
        elif character in "?+":
            result += character
        elif character == "[":
            end = pattern.index("]", index)
            result += pattern[index:end + 1]
            index = end
        else:
            result += re.escape(character)
        index += 1
    return re.compile(result + r"\Z")
