import Foundation

/// The bytes of one manifest file and the path it is reported under.
public struct ManifestSource: Hashable, Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
