// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "deskform",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "deskform", targets: ["deskform"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already under async-http-client and hummingbird; named for NIOCore's ByteBuffer and NIOPosix's errors.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Already under async-http-client; named for the trusted roots of INVGATE_CA_FILE.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Already under hummingbird; named to stop a simulator gracefully (ServiceGroup).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "EstateModel"),
        // The wire format: endpoints, form encoding, JSON, records, typed errors, Operation → call. No HTTP.
        .target(name: "InvGateWire", dependencies: ["EstateModel"]),
        // The HTTP client over the wire format: transport, Basic/OAuth2, retries.
        .target(
            name: "InvGateAPI",
            dependencies: [
                "InvGateWire",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "Planner", dependencies: ["EstateModel", "InvGateWire"]),
        .target(name: "Resolution", dependencies: ["EstateModel", "Manifest", "Planner"]),
        .target(
            name: "Reconciler",
            dependencies: [
                "Planner",
                "Resolution",
                "Manifest",
                "EstateModel",
                "InvGateWire",
                "InvGateAPI",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Manifest",
            dependencies: ["EstateModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Simulator",
            dependencies: [
                "EstateModel",
                "InvGateWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "DeskformCLI",
            dependencies: [
                "EstateModel",
                "InvGateWire",
                "InvGateAPI",
                "Manifest",
                "Planner",
                "Reconciler",
                "Simulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "deskform", dependencies: ["DeskformCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "deskform-bench",
            dependencies: [
                "EstateModel", "InvGateWire", "InvGateAPI", "Manifest", "Planner", "Reconciler", "Resolution", "Simulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "EstateModel",
                "Planner",
                "Reconciler",
                "InvGateWire",
                "InvGateAPI",
                "Simulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "EstateTests", dependencies: ["EstateModel", "TestSupport"]),
        .testTarget(name: "InvGateWireTests", dependencies: ["InvGateWire", "EstateModel"]),
        .testTarget(
            name: "InvGateAPITests",
            dependencies: [
                "InvGateAPI", "InvGateWire", "EstateModel", "Simulator", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "SimulatorTests",
            dependencies: [
                "Simulator", "EstateModel", "InvGateWire", "InvGateAPI", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "EstateModel", "Manifest", "Resolution", "Reconciler", "TestSupport"]),
        .testTarget(
            name: "ReconcilerTests", dependencies: ["Reconciler", "EstateModel", "InvGateWire", "InvGateAPI", "Simulator", "TestSupport"]),
        .testTarget(name: "ManifestTests", dependencies: ["Manifest", "EstateModel"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DeskformCLITests",
            dependencies: [
                "DeskformCLI", "Manifest", "Planner", "Reconciler", "EstateModel", "InvGateWire", "InvGateAPI", "Simulator", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // The tests' own HTTP proxy.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Goldens", "Fixtures"]),
    ]
)
