@testable import DeskformCLI
import Foundation
import Testing

@Suite("remembered rates: .deskform/rates.json")
struct RememberedRatesTests {
    static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("deskform-rates-\(UUID().uuidString)").path
    }

    @Test("a learned rate is kept per instance for a day, by its URL alone, and read back by the next command")
    func remembersPerInstance() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rates = RememberedRates(environment: ["DESKFORM_DIR": folder])
        #expect(rates.path == folder + "/rates.json")
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(rates.rate(for: "https://acme.example", now: now) == nil)
        try rates.remember(88.46, for: "https://acme.example/", now: now)
        try rates.remember(12, for: "https://other.example", now: now.addingTimeInterval(60))
        #expect(rates.rate(for: "https://acme.example", now: now.addingTimeInterval(3600)) == 88.5)
        #expect(rates.rate(for: "https://acme.example/", now: now) == 88.5)
        #expect(rates.rate(for: "https://other.example", now: now) == 12)
        // A day later it is forgotten, and the next write leaves it out.
        #expect(rates.rate(for: "https://acme.example", now: now.addingTimeInterval(RememberedRates.lifetime)) == nil)
        try rates.remember(20, for: "https://third.example", now: now.addingTimeInterval(RememberedRates.lifetime + 30))
        let text = try String(contentsOfFile: rates.path, encoding: .utf8)
        #expect(
            text == """
                {
                  "format" : 1,
                  "instances" : {
                    "https://other.example" : {
                      "learned_at" : "2026-11-30T00:54:20Z",
                      "requests_per_second" : 12
                    },
                    "https://third.example" : {
                      "learned_at" : "2026-12-01T00:53:50Z",
                      "requests_per_second" : 20
                    }
                  }
                }
                """)
    }

    @Test("an instance on this machine is never remembered: a simulator's port changes from run to run")
    func loopbackForgotten() throws {
        for url in ["http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]:80", ""] {
            #expect(RememberedRates.key(for: url) == nil, "\(url)")
        }
        #expect(RememberedRates.key(for: "https://acme.sd.cloud.invgate.net/") == "https://acme.sd.cloud.invgate.net")
        let folder = Self.scratch()
        let rates = RememberedRates(environment: ["DESKFORM_DIR": folder])
        try rates.remember(30, for: "http://127.0.0.1:8080")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("a file that is not a rates file is ignored, and rewritten by the next command that learns a rate")
    func unreadableIgnored() throws {
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let rates = RememberedRates(environment: ["DESKFORM_DIR": folder])
        try Data("{\"format\": 9}".utf8).write(to: URL(fileURLWithPath: rates.path))
        #expect(rates.rate(for: "https://acme.example") == nil)
        try rates.remember(5, for: "https://acme.example")
        #expect(rates.rate(for: "https://acme.example") == 5)
    }

    @Test("a folder that cannot be made: the error names the file, the reason and what follows")
    func unwritable() throws {
        let file = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data().write(to: URL(fileURLWithPath: file))
        let rates = RememberedRates(environment: ["DESKFORM_DIR": file + "/state"])
        #expect(throws: RatesFileError.self) { try rates.remember(5, for: "https://acme.example") }
        do {
            try rates.remember(5, for: "https://acme.example")
        } catch {
            #expect(
                error.description
                    == "could not remember the learned request rate in \(file)/state/rates.json (not a directory); the next command to this instance starts "
                    + "unlimited again. To keep it, make that folder writable or set DESKFORM_DIR to one that is"
            )
        }
    }
}
