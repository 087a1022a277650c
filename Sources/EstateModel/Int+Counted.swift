extension Int {
    /// The number with its noun, singular for one: `1 company`, `2 companies`, `0 groups`. `plural` is
    /// the noun's plural where adding `s` does not make it (`companies`, `KB categories`).
    package func counted(_ noun: String, plural: String? = nil) -> String {
        "\(self) \(self == 1 ? noun : plural ?? noun + "s")"
    }
}
