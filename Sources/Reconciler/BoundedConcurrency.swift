/// Runs `body` on every element with at most `limit` running at once; results keep the input order.
func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], limit: Int, _ body: @escaping @Sendable (Element) async throws -> Result
) async throws -> [Result] {
    guard !elements.isEmpty else { return [] }
    return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: elements.count)
        var next = 0
        func startNext() {
            let index = next
            let element = elements[index]
            group.addTask { (index, try await body(element)) }
            next += 1
        }
        while next < min(max(1, limit), elements.count) { startNext() }
        while let (index, result) = try await group.next() {
            results[index] = result
            if next < elements.count { startNext() }
        }
        return results.map { $0! }
    }
}
