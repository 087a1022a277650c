import InvGateWire

extension Plan {
    /// The machine-readable plan (`--format json`), documented by `specs/plan.schema.json`.
    package func json(target: String) -> JSONValue {
        let labels = StepLabels(self)
        let summary = self.summary
        var pairs: [(key: String, value: JSONValue)] = [
            ("format_version", .int(Self.formatVersion)),
            ("target", .string(target)),
            (
                "summary",
                .object([
                    ("add", .int(summary.add)), ("change", .int(summary.change)), ("destroy", .int(summary.destroy)),
                    ("unmanaged", .int(unmanagedCount)),
                ])
            ),
            ("unmanaged", .object(unmanaged.keys.sorted().map { ($0.rawValue, .int(unmanaged[$0]!)) })),
            (
                "policy",
                .object([
                    ("max_deletes", .int(maxDeletes)), ("destroys", .int(deletions)), ("apply_refuses", .bool(exceedsMaxDeletes)),
                    ("hold_deletes_holds", .array(holdingDeletions().held.map { .string($0.address.description) })),
                ])
            ),
            (
                "outcome",
                .object([
                    ("created", .array(outcome.created.map(\.json))), ("changed", .array(outcome.changed.map(\.json))),
                    ("destroyed", .array(outcome.destroyed.map(\.json))),
                ])
            ),
            ("changes", .array(changes.map(\.json))),
            (
                "steps",
                .array(
                    steps.map { step in
                        let call = step.operation.wireCall
                        var pairs: [(key: String, value: JSONValue)] = [
                            ("number", .int(step.id + 1)), ("address", .string(step.address.description)),
                        ]
                        if let subject = step.subject { pairs.append(("subject", .string(subject.description))) }
                        pairs += [
                            ("method", .string(call.method.rawValue)), ("endpoint", .string(call.endpoint.rawValue)),
                            ("parameters", .object(labels.parameters(of: step).map { ($0.name, $0.value.json) })),
                            ("depends_on", .array(step.dependsOn.map { .int($0 + 1) })),
                        ]
                        if step.creates != nil { pairs.append(("creates", .string(step.address.description))) }
                        return .object(pairs)
                    })
            ),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ]
        if !targeting.isEverything {
            pairs.append(
                (
                    "targeting",
                    .object([
                        ("targets", .array(targeting.targets.map { .string($0.description) })),
                        ("excludes", .array(targeting.excludes.map { .string($0.description) })),
                        (
                            "pulled_in",
                            .array(
                                pulledIn.map {
                                    .object([("address", .string($0.address.description)), ("needed_by", .string($0.neededBy.description))])
                                })
                        ),
                    ])
                ))
        }
        return .object(pairs)
    }
}

extension Outcome.Entry {
    var json: JSONValue {
        .object([
            ("address", .string(address.description)), ("step", .int(step + 1)), ("cause", .string(cause.description)),
            ("cascade", .bool(cascade)),
        ])
    }
}

extension Change {
    var json: JSONValue {
        func attributes(_ values: [String: String]?) -> JSONValue {
            values.map { values in .object(values.keys.sorted().map { ($0, .string(values[$0]!)) }) } ?? .null
        }
        return .object([
            ("address", .string(address.description)), ("kind", .string(address.kind.rawValue)), ("name", .string(address.name)),
            ("action", .string(action.rawValue)), ("reason", .string(reason)),
            ("before", attributes(before)), ("after", attributes(after)),
            (
                "relations",
                .array(
                    relations.map {
                        .object([
                            ("relation", .string($0.relation)), ("added", .array($0.added.map(JSONValue.string))),
                            ("removed", .array($0.removed.map(JSONValue.string))), ("changed", .array($0.changed.map(JSONValue.string))),
                        ])
                    })
            ),
            ("consequences", .array(consequences.map(JSONValue.string))),
        ])
    }
}
