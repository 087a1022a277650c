import Foundation

/// The bytes of one manifest file and the path it is reported under.
package struct ManifestSource: Hashable, Sendable {
    package var path: String
    package var data: Data

    package init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    package init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
