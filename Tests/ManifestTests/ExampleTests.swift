import Foundation
import Manifest
import Testing

/// The examples are valid, reference only what the demo seed has, and survive export and reload.
@Suite struct ExampleTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static let names = ["acme", "msp"]

    static let seedUsers: Set<String> = [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
        "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yolanda", "zoe",
    ]

    static func load(_ name: String) -> ManifestLoad {
        ManifestLoader().load(paths: [examples.appendingPathComponent(name).path])
    }

    @Test(arguments: names)
    func exampleIsValidWithoutAnyDiagnostic(_ name: String) {
        let load = Self.load(name)
        #expect(load.diagnostics.isEmpty, "\(DiagnosticRenderer().render(load.diagnostics))")
        #expect(!load.files.isEmpty)
    }

    @Test func allExamplesTogetherAreValid() {
        let load = ManifestLoader().load(paths: Self.names.map { Self.examples.appendingPathComponent($0).path })
        #expect(load.diagnostics.isEmpty, "\(DiagnosticRenderer().render(load.diagnostics))")
    }

    @Test func theMSPExampleSpansManyFilesAndEveryKind() {
        let load = Self.load("msp")
        #expect(load.files.count >= 8)
        let estate = load.estate
        #expect(estate.companies.map(\.name) == ["Contoso", "Globex", "Northwind Traders"])
        #expect(!estate.locations.isEmpty && !estate.kbCategories.isEmpty && !estate.customFields.isEmpty)
        #expect(estate.policy.prune.map(\.value) == [.groups, .locations])
        #expect(estate.policy.maxDeletes?.value == 10)
    }

    @Test(arguments: names)
    func exampleReferencesOnlyTheDemoSeed(_ name: String) {
        let estate = Self.load(name).estate
        var users: [UserReference] = []
        func collect(_ list: [UserReference]?) { users += list ?? [] }
        for company in estate.companies {
            collect(company.members)
            collect(company.observers)
        }
        for group in estate.groups {
            collect(group.members)
            collect(group.observers)
        }
        func walk(_ locations: [DeclaredLocation]) {
            for location in locations {
                collect(location.members)
                collect(location.observers)
                walk(location.children)
            }
        }
        walk(estate.locations)
        for desk in estate.helpDesks {
            collect(desk.observers)
            for level in desk.levels { collect(level.observers) }
        }
        for user in users {
            switch user.key {
            case .username(let name): #expect(Self.seedUsers.contains(name), "\(user.position)")
            case .email(let email):
                #expect(email.hasSuffix("@acme.example") && Self.seedUsers.contains(String(email.dropLast("@acme.example".count))))
            case .id: Issue.record("examples name users, not ids: \(user.position)")
            }
        }
        #expect(Set(estate.helpDesks.map(\.name)).isSubset(of: ["Service Desk", "Field Services"]))
        #expect(Set(estate.customFields.map(\.field)).isSubset(of: ["Department", "Office"]))
    }

    @Test(arguments: names)
    func exampleFilesPointEditorsAtTheSchema(_ name: String) throws {
        for file in Self.load(name).files {
            let firstLine = try String(contentsOfFile: file, encoding: .utf8).prefix { $0 != "\n" }
            #expect(firstLine.hasPrefix("# yaml-language-server: $schema="), "\(file)")
            let target = String(firstLine.dropFirst("# yaml-language-server: $schema=".count))
            let resolved = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
            #expect(
                resolved.lastPathComponent == "manifest.schema.json" && FileManager.default.fileExists(atPath: resolved.path), "\(file)")
        }
    }

    @Test(arguments: names)
    func exampleRoundTripsThroughYAML(_ name: String) {
        let first = Self.load(name)
        let exported = first.estate.yaml()
        let second = ManifestLoader().load(sources: [ManifestSource(path: "exported.yaml", text: exported)])
        #expect(second.diagnostics.isEmpty, "\(DiagnosticRenderer().render(second.diagnostics))\n\(exported)")
        #expect(second.estate.withoutPositions() == first.estate.withoutPositions())
        #expect(second.estate.yaml() == exported)
    }
}
