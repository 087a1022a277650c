import InvGateAPI
import InvGateWire

/// What doctor learns, without writing, about how the instance words its answers (docs/API-ASSUMPTIONS.md).
extension DoctorCommand {
    /// Paging, the shapes of lists and ids, and how a refusal comes: from a page of one company
    /// (then the next), the users list, and a GET of `companies.users` without its required `id`.
    static func dialect(_ client: InvGateClient, readable: Set<Endpoint>) async -> DoctorCheck {
        var found: [String] = []
        do throws(InvGateError) {
            if readable.contains(.companies) {
                let first = try await client.get(.companies, ["page": .integer(1), "page_size": .integer(1)])
                let rows = first.listShape.map(Self.rows) ?? []
                if rows.count > 1 {
                    found.append("lists are not paged (page_size is ignored)")
                } else if !rows.isEmpty {
                    let second = try await client.get(.companies, ["page": .integer(2), "page_size": .integer(1)])
                    let next = second.listShape.map(Self.rows) ?? []
                    found.append(next == rows ? "lists are not paged (page is ignored)" : "lists are paged (page_size honoured)")
                }
                if let id = rows.first?["id"] {
                    if case .string = id { found.append("ids as strings") } else { found.append("ids as numbers") }
                }
            }
            if readable.contains(.users) {
                let users = try await client.get(.users, ["page": .integer(1), "page_size": .integer(1)])
                if case .keyed? = users.listShape { found.append("lists as maps keyed by id") }
            }
        } catch {
            return .warning("dialect", "not learned: \(error)")
        }
        if readable.contains(.companiesUsers) {
            found += await refusalStyle(client)
        }
        return .ok("dialect", found.isEmpty ? "nothing could be learned" : found.joined(separator: "; "))
    }

    /// How a GET of `companies.users` without its required `id` is refused.
    private static func refusalStyle(_ client: InvGateClient) async -> [String] {
        do throws(InvGateError) {
            _ = try await client.get(.companiesUsers)
            return ["a request without a required parameter was answered as a success"]
        } catch {
            switch error.reason {
            case .refused: return ["refusals come on HTTP 200 with an error status"]
            case .status(let code, _, _): return ["a missing parameter is refused with HTTP \(code)"]
            default: return []
            }
        }
    }

    private static func rows(_ shape: JSONValue.ListShape) -> [JSONValue] {
        switch shape {
        case .list(let rows): rows
        case .keyed(let pairs): pairs.map(\.value)
        case .single(let row): [row]
        }
    }
}
