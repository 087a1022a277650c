import EstateModel
import Manifest
import Planner
import Resolution

/// The files `export` writes: one `estate.yaml`, or with `split` one file per kind and a folder per
/// company (`companies/<slug>/company.yaml`, `groups.yaml`, `locations.yaml`, `helpdesks.yaml`,
/// `kb_categories.yaml`, `custom_fields.yaml`, `users.yaml`; kinds with nothing to declare get no file). Each file
/// starts with the schema comment (relative to the file when `schema` is a relative path) and the
/// header lines.
package struct ExportedFiles: Equatable, Sendable {
    package struct File: Equatable, Sendable {
        /// Relative to the export directory, `/`-separated.
        package var path: String
        package var text: String

        package init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    package var files: [File]

    package static let singleFileName = "estate.yaml"

    /// - Parameters:
    ///   - schema: the schema's URL, or its path relative to the export directory.
    ///   - header: comment lines after the schema comment (without `# `).
    package init(_ manifest: DeclaredEstate, split: Bool, schema: String, header: [String]) {
        func file(_ path: String, _ estate: DeclaredEstate) -> File {
            let depth = path.split(separator: "/").count - 1
            let isURL = schema.contains("://") || schema.hasPrefix("/")
            let reference = isURL ? schema : String(repeating: "../", count: depth) + schema
            return File(path: path, text: estate.yaml(schemaComment: reference, comments: header))
        }
        guard split else {
            files = [file(Self.singleFileName, manifest)]
            return
        }
        var files: [File] = []
        for (company, slug) in zip(manifest.companies, Self.slugs(manifest.companies.map(\.name))) {
            files.append(file("companies/\(slug)/company.yaml", DeclaredEstate(companies: [company])))
        }
        let kinds: [(String, DeclaredEstate)] = [
            ("groups.yaml", DeclaredEstate(groups: manifest.groups)),
            ("locations.yaml", DeclaredEstate(locations: manifest.locations)),
            ("helpdesks.yaml", DeclaredEstate(helpDesks: manifest.helpDesks)),
            ("kb_categories.yaml", DeclaredEstate(kbCategories: manifest.kbCategories)),
            ("custom_fields.yaml", DeclaredEstate(customFields: manifest.customFields)),
            ("users.yaml", DeclaredEstate(users: manifest.users)),
        ]
        for (path, estate) in kinds where estate.objectCount > 0 {
            files.append(file(path, estate))
        }
        self.files = files.sorted { $0.path < $1.path }
    }

    /// A filesystem-safe folder name per company, in order: lower-case ASCII letters and digits with
    /// `-` between words (`Acme Corp.` → `acme-corp`), `company` when nothing is left, at most 60
    /// characters; a repeated slug gets `-2`, `-3`, … in the order given.
    static func slugs(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var slug = ""
            var pendingDash = false
            for scalar in name.lowercased().unicodeScalars {
                if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    if pendingDash, !slug.isEmpty { slug.append("-") }
                    slug.unicodeScalars.append(scalar)
                    pendingDash = false
                } else {
                    pendingDash = true
                }
            }
            slug = String(slug.prefix(60))
            while slug.hasSuffix("-") { slug.removeLast() }
            if slug.isEmpty { slug = "company" }
            var candidate = slug
            var number = 2
            while !used.insert(candidate).inserted {
                candidate = "\(slug)-\(number)"
                number += 1
            }
            return candidate
        }
    }
}

extension ExportedFiles {
    /// Proves the files reproduce `live`: they load without errors, resolve against it, and plan no
    /// change for the kinds exported. Returns what is wrong (empty when they round-trip).
    package func roundTripProblems(against live: Estate, kinds: Set<ObjectKind>) -> [String] {
        let load = ManifestLoader().load(sources: files.map { ManifestSource(path: $0.path, text: $0.text) })
        let errors = load.diagnostics.filter(\.isError)
        guard errors.isEmpty else { return errors.map { "\($0.position): \($0.message)" } }
        let (desired, diagnostics, _) = ReferenceResolver.resolve(load.estate, against: live)
        let unresolved = diagnostics.filter(\.isError)
        guard unresolved.isEmpty else { return unresolved.map { "\($0.position): \($0.message)" } }
        do {
            let plan = try Planner.plan(desired: desired, live: live, fetched: FetchScope(exporting: kinds).kinds)
            return plan.isEmpty ? [] : ["planning the export against the instance it came from is not empty:\n" + plan.text()]
        } catch {
            return error.errors.map(\.description)
        }
    }
}
