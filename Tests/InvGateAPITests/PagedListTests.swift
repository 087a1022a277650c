import InvGateAPI
import InvGateWire
import Testing

/// Lists are read page by page, and a read that cannot be proven complete is an error.
@Suite("Client: paged lists")
struct PagedListTests {
    private static func groups(_ ids: ClosedRange<Int>) -> WireResponse {
        .json(200, "[" + ids.map { #"{"id":\#($0),"name":"G\#($0)","total":0}"# }.joined(separator: ",") + "]")
    }

    private static func client(_ pages: [WireResponse]) -> (InvGateClient, ScriptedTransport) {
        let transport = ScriptedTransport(pages.map { .answer($0) })
        return (InvGateClient(instanceURL: "http://127.0.0.1:1", credentials: .none, transport: transport, retryPolicy: .quick), transport)
    }

    @Test("an instance that pages: full pages are followed until a short one")
    func followsPages() async throws {
        let (client, transport) = Self.client([Self.groups(1...500), Self.groups(501...503)])
        let groups = try await client.groups()
        #expect(groups.map(\.id) == Array(1...503))
        #expect(
            transport.requests.map(\.url) == [
                "http://127.0.0.1:1/api/v1/groups?page=1&page_size=500", "http://127.0.0.1:1/api/v1/groups?page=2&page_size=500",
            ])
    }

    @Test("an instance that ignores page_size and cuts at its default 20 rows is followed to the end")
    func defaultPageSize() async throws {
        let (client, transport) = Self.client([Self.groups(1...20), Self.groups(21...40), Self.groups(41...45)])
        #expect(try await client.groups().map(\.id) == Array(1...45))
        #expect(transport.requests.count == 3)
    }

    @Test("an instance that ignores paging answers the same rows again: the first page was the whole list")
    func ignoresPaging() async throws {
        let (client, transport) = Self.client([Self.groups(1...20), Self.groups(1...20)])
        #expect(try await client.groups().map(\.id) == Array(1...20))
        #expect(transport.requests.count == 2)
        let (short, shortTransport) = Self.client([Self.groups(1...7)])
        #expect(try await short.groups().count == 7)
        #expect(shortTransport.requests.count == 1)
    }

    @Test("a page that repeats some rows of an earlier page is an incomplete read, never a silent truncation")
    func shiftedPage() async {
        let (client, _) = Self.client([Self.groups(1...20), Self.groups(15...34)])
        await #expect(
            throws: InvGateError(
                .groups, .get,
                .incompleteList("page 2 repeats rows of earlier pages but not the whole page before (the list changed while it was read)"))
        ) {
            _ = try await client.groups()
        }
        #expect(
            InvGateError(.groups, .get, .incompleteList("x")).description
                == "GET groups: the list could not be proven complete: x; try again")
    }

    @Test("pages in the keyed shape are followed as lists are")
    func keyedPages() async throws {
        let keyed = "{" + (1...20).map { #""\#($0)":{"name":"G\#($0)"}"# }.joined(separator: ",") + "}"
        let (client, _) = Self.client([.json(200, keyed), .json(200, #"{"21":{"id":"21","name":"G21"}}"#)])
        #expect(try await client.groups().map(\.id) == Array(1...21))
    }
}
