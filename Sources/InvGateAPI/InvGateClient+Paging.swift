import InvGateWire

/// Every list is read page by page, whether or not the instance pages it: real instances page some
/// lists (`helpdesks`, `helpdesksandlevels`, KB categories: 20 rows unless asked otherwise) and
/// ignore `page`/`page_size` on others. A short read must never pass for a complete one.
extension InvGateClient {
    /// Rows asked for per page.
    package static let pageSize = 500
    /// The instances' own page size when `page_size` is not heard: a page of exactly this many rows
    /// may be a cut, not the end, so the next page is asked for as well.
    package static let defaultPageSize = 20
    /// Pages read of one list, at most, before its read is called incomplete.
    package static let maxPages = 1000

    /// All the records of a list, page after page: the first page with `page_size`, then the next
    /// while a page comes back full (or exactly `defaultPageSize` long). The read ends at a short page,
    /// at an empty one, or at a page that repeats the one before (an instance that ignores paging
    /// answers the whole list every time). A page that repeats only some rows of earlier ones (the
    /// list changed under the read) fails with ``InvGateError/Reason/incompleteList(_:)``.
    func list<Record>(
        _ endpoint: Endpoint, _ parameters: FormParameters = [:], keyField: String = "id",
        decoding element: (JSONValue) throws(RecordDecodingError) -> Record
    ) async throws(InvGateError) -> [Record] {
        var records: [Record] = []
        var seen = Set<PagedRow>()
        var previous: [JSONValue]?
        for page in 1...Self.maxPages {
            var paged = parameters
            paged["page"] = .integer(page)
            paged["page_size"] = .integer(Self.pageSize)
            let json = try await get(endpoint, paged)
            let rows: [JSONValue]
            do {
                rows = try Array.decode(json, record: endpoint.rawValue, keyField: keyField) { $0 }
                for row in rows { records.append(try element(row)) }
            } catch {
                throw InvGateError(endpoint, .get, .malformedAnswer(error.description))
            }
            if rows == previous {
                // The instance ignores paging: the page before was the whole list.
                records.removeLast(rows.count)
                return records
            }
            let keyed = rows.map { PagedRow(row: $0, keyField: keyField) }
            if keyed.contains(where: seen.contains) {
                throw InvGateError(
                    endpoint, .get,
                    .incompleteList("page \(page) repeats rows of earlier pages but not the whole page before (the list changed while it was read)"))
            }
            seen.formUnion(keyed)
            previous = rows
            if rows.isEmpty || (rows.count < Self.pageSize && rows.count != Self.defaultPageSize) { return records }
        }
        throw InvGateError(endpoint, .get, .incompleteList("more than \(Self.maxPages) pages of \(Self.pageSize) rows"))
    }
}

/// A row of a paged list as the pages' repeats are found: equal when the whole row is, hashed by its key
/// alone, so that telling a repeat costs the key, not the whole record (a user's is dozens of fields).
private struct PagedRow: Hashable {
    let row: JSONValue
    let key: JSONValue?

    init(row: JSONValue, keyField: String) {
        self.row = row
        self.key = row[keyField]
    }

    static func == (left: PagedRow, right: PagedRow) -> Bool { left.row == right.row }

    func hash(into hasher: inout Hasher) {
        if let key { hasher.combine(key) } else { hasher.combine(row) }
    }
}
