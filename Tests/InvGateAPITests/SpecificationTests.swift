import Foundation
import InvGateWire
import Simulator
import Testing
import Yams

/// An operation with its parameters, as the spec, the catalogue or the simulator lists it.
struct ListedOperation: Hashable, CustomStringConvertible {
    var endpoint: String
    var method: String
    var parameters: Set<String>

    var description: String { "\(method) \(endpoint) (\(parameters.sorted().joined(separator: ", ")))" }
}

enum Specification {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs/invgate-api.openapi.yaml")

    /// Every operation of `specs/invgate-api.openapi.yaml`, each parameter as `name:kind` (+ `!` when required).
    static func operations() throws -> Set<ListedOperation> {
        let document = try #require(try Yams.compose(yaml: String(contentsOf: url, encoding: .utf8)))
        let paths = try #require(document["paths"]?.mapping)
        var listed: Set<ListedOperation> = []
        for (path, methods) in paths {
            let endpoint = String(try #require(path.string?.split(separator: "/").last))
            for (method, operation) in try #require(methods.mapping) {
                var parameters: Set<String> = []
                for parameter in operation["parameters"]?.sequence ?? [] {
                    parameters.insert(
                        describe(
                            name: parameter["name"]?.string ?? "", schema: parameter["schema"],
                            style: parameter["style"]?.string, required: parameter["required"]?.bool ?? false))
                }
                if let body = operation["requestBody"]?["content"]?["application/x-www-form-urlencoded"] {
                    let required = Set(body["schema"]?["required"]?.sequence?.compactMap(\.string) ?? [])
                    for (name, schema) in body["schema"]?["properties"]?.mapping ?? [:] {
                        let key = name.string ?? ""
                        parameters.insert(
                            describe(
                                name: key, schema: schema, style: body["encoding"]?[key]?["style"]?.string,
                                required: required.contains(key)))
                    }
                }
                listed.insert(ListedOperation(endpoint: endpoint, method: (method.string ?? "").uppercased(), parameters: parameters))
            }
        }
        return listed
    }

    private static func describe(name: String, schema: Node?, style: String?, required: Bool) -> String {
        let kind: String
        if name.hasSuffix("[]") {
            kind = "array"
        } else if style == "deepObject" {
            kind = "dictionary"
        } else {
            kind = schema?["type"]?.string ?? "?"
        }
        let bare = name.hasSuffix("[]") ? String(name.dropLast(2)) : name
        return "\(bare):\(kind)" + (required ? "!" : "")
    }
}

extension Catalogue {
    static var listed: Set<ListedOperation> {
        Set(
            operations.map { operation in
                ListedOperation(
                    endpoint: operation.endpoint.rawValue, method: operation.method.rawValue,
                    parameters: Set(operation.parameters.map { "\($0.name):\($0.kind.rawValue)" + ($0.isRequired ? "!" : "") }))
            })
    }
}

@Suite("The OpenAPI specification")
struct SpecificationTests {
    @Test("the spec and the client's catalogue list the same operations with the same parameters")
    func specMatchesCatalogue() throws {
        let spec = try Specification.operations()
        let catalogue = Catalogue.listed
        #expect(spec.subtracting(catalogue).map(\.description).sorted() == [])
        #expect(catalogue.subtracting(spec).map(\.description).sorted() == [])
        #expect(spec.count == 65)
    }

    @Test("the spec and the simulator's routes list the same operations")
    func specMatchesSimulator() throws {
        let spec = Set(try Specification.operations().map { "\($0.method) \($0.endpoint)" })
        let routes = Set(InvGateSimulator.routes.map { "\($0.method.rawValue) \($0.endpoint.rawValue)" })
        #expect(spec.subtracting(routes).sorted() == [])
        #expect(routes.subtracting(spec).sorted() == [])
    }

    @Test("the catalogue covers every endpoint, and GET is everywhere but on the account switches user.disable and user.enable")
    func everyEndpoint() {
        for endpoint in Endpoint.allCases where ![.userDisable, .userEnable].contains(endpoint) {
            #expect(Catalogue.methods(of: endpoint).contains(.get), "\(endpoint.rawValue)")
        }
        #expect(Catalogue.methods(of: .userDisable) == [.put] && Catalogue.methods(of: .userEnable) == [.put])
        #expect(Catalogue.methods(of: .groups) == [.get, .post, .delete])
        #expect(Catalogue.methods(of: .kbCategories) == [.get, .post, .put, .delete])
        #expect(
            Catalogue.operations.filter(\.isCreate).map(\.endpoint) == [
                .customFieldTreeOptions, .companies, .groups, .kbCategories, .locations, .user,
            ])
        #expect(Catalogue.operations.filter(\.isCreate).allSatisfy { $0.method == .post })
    }
}
