import Planner

/// Which steps of a plan may start, given the ones finished: a step is ready once every step it
/// depends on is applied, and is skipped (with everything that waits on it) once one of them is not.
///
/// Dependencies are the plan's `dependsOn` plus, defensively, the step that creates any
/// provisional object the step mentions: its real id must be known before the step is sent.
struct StepSchedule {
    let steps: [Int: Step]
    /// The plan's provisional objects, and the step creating each.
    let provisional: Set<ProvisionalObject>
    private let creator: [ProvisionalObject: Int]
    private var waitingOn: [Int: Set<Int>] = [:]
    private var dependents: [Int: [Int]] = [:]
    /// Ready steps by plan position, first first.
    private var ready: [Int] = []
    private let position: [Int: Int]
    /// Provisional objects mentioned by steps not yet finished: whose tree option hash must be learned.
    private var referenced: [ProvisionalObject: Int] = [:]
    private(set) var results: [Int: StepResult] = [:]

    init(_ plan: Plan) {
        steps = Dictionary(plan.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        position = Dictionary(plan.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        creator = Dictionary(plan.steps.compactMap { step in step.creates.map { ($0, step.id) } }, uniquingKeysWith: { first, _ in first })
        provisional = Set(creator.keys)
        for step in plan.steps {
            let mentioned = step.operation.provisionalReferences(among: provisional)
            for object in mentioned { referenced[object, default: 0] += 1 }
            let implied = mentioned.compactMap { creator[$0] }.filter { $0 != step.id }
            let dependencies = Set(step.dependsOn + implied).filter { position[$0] != nil && $0 != step.id }
            waitingOn[step.id] = dependencies
            for dependency in dependencies { dependents[dependency, default: []].append(step.id) }
            if dependencies.isEmpty { ready.append(step.id) }
        }
        ready.sort { position[$0]! < position[$1]! }
    }

    var finishedCount: Int { results.count }

    /// The first ready step, taken off the ready list.
    mutating func nextReady() -> Step? {
        guard !ready.isEmpty else { return nil }
        return steps[ready.removeFirst()]
    }

    /// Whether a step not yet finished mentions `object` (a tree option whose hash must be learned).
    func isReferencedLater(_ object: ProvisionalObject?) -> Bool {
        guard let object else { return false }
        return (referenced[object] ?? 0) > 0
    }

    /// Records a finished step and returns the steps skipped because of it, with their results.
    mutating func finish(_ result: StepResult) -> [StepResult] {
        record(result)
        var skipped: [StepResult] = []
        var frontier = [result]
        while let done = frontier.popLast() {
            for next in dependents[done.step.id] ?? [] where results[next] == nil {
                if done.outcome.isApplied {
                    waitingOn[next]!.remove(done.step.id)
                    if waitingOn[next]!.isEmpty { makeReady(next) }
                } else {
                    let skip = StepResult(step: steps[next]!, outcome: .skipped(dependency: done.step.id))
                    record(skip)
                    skipped.append(skip)
                    frontier.append(skip)
                }
            }
        }
        return skipped
    }

    mutating func record(_ result: StepResult) {
        results[result.step.id] = result
        for object in result.step.operation.provisionalReferences(among: provisional) {
            referenced[object, default: 1] -= 1
        }
    }

    /// Steps neither finished nor skipped, in plan order.
    func unfinished() -> [Step] {
        steps.values.filter { results[$0.id] == nil }.sorted { position[$0.id]! < position[$1.id]! }
    }

    private mutating func makeReady(_ id: Int) {
        let index = ready.firstIndex { position[$0]! > position[id]! } ?? ready.endIndex
        ready.insert(id, at: index)
    }
}
