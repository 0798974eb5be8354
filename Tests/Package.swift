// swift-tools-version:6.0
// The repository's one root package: every library and service is a dependency by path, and every test
// target of the repository is declared here, so one build folder (.build at the repository root) and one
// dependency resolution serve `make build`, `make test`, the benchmarks and the evaluation; Yams and
// ArgumentParser compile once.
//
// The libraries' own test targets stay in their packages (each library is versioned and testable alone:
// `swift test --package-path Packages/MeshRedis`). SwiftPM only builds targets under the root package's
// folder, so Libraries/<Library> is a symbolic link to Packages/<Library>/Tests, and the declarations below
// repeat each library's test targets; Services/<Service> links to the services' handler tests the same way
// (Tests/deploy/test_workspace.py checks that none is missing).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshTests",
    dependencies: [
        .package(path: "../Packages/MeshAgents"),
        .package(path: "../Packages/MeshProtocol"),
        .package(path: "../Packages/MeshRedis"),
        .package(path: "../Packages/MeshService"),
        .package(path: "../Services/Aggregator"),
        .package(path: "../Services/Coordinator"),
        .package(path: "../Services/Mesh"),
        .package(path: "../Services/Producer"),
        .package(path: "../Services/Specialist"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // MeshProtocol
        .testTarget(
            name: "MeshProtocolTests",
            dependencies: [.product(name: "MeshProtocol", package: "MeshProtocol")],
            path: "Libraries/MeshProtocol/MeshProtocolTests",
            resources: [.copy("Golden")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MeshReportsTests",
            dependencies: [.product(name: "MeshReports", package: "MeshProtocol")],
            path: "Libraries/MeshProtocol/MeshReportsTests",
            exclude: ["Golden", "Schema", "validate_sarif.py"],
            swiftSettings: swiftSettings
        ),
        // MeshRedis
        .testTarget(
            name: "MeshRedisTests",
            dependencies: [
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
            ],
            path: "Libraries/MeshRedis/MeshRedisTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MeshWorkerTests",
            dependencies: [
                .product(name: "MeshWorker", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
                .product(name: "meshredis-test-worker", package: "MeshRedis"),
            ],
            path: "Libraries/MeshRedis/MeshWorkerTests",
            swiftSettings: swiftSettings
        ),
        // MeshAgents
        .testTarget(
            name: "MeshDocumentTests",
            dependencies: [.product(name: "MeshDocument", package: "MeshAgents")],
            path: "Libraries/MeshAgents/MeshDocumentTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MeshAgentsTests",
            dependencies: [
                .product(name: "MeshAgents", package: "MeshAgents"),
                .product(name: "MeshDocument", package: "MeshAgents"),
                .product(name: "MeshText", package: "MeshAgents"),
            ],
            path: "Libraries/MeshAgents/MeshAgentsTests",
            swiftSettings: swiftSettings
        ),
        // MeshService
        .testTarget(
            name: "MeshServiceTests",
            dependencies: [
                .product(name: "MeshService", package: "MeshService"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
            ],
            path: "Libraries/MeshService/MeshServiceTests",
            swiftSettings: swiftSettings
        ),
        // The services' handlers without Redis (a stand-in, StubRedis)
        .testTarget(
            name: "CoordinatorTests",
            dependencies: [
                .product(name: "CoordinatorHandler", package: "Coordinator"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
            ],
            path: "Services/Coordinator/CoordinatorTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SpecialistTests",
            dependencies: [
                .product(name: "SpecialistHandler", package: "Specialist"),
                .product(name: "MeshAgents", package: "MeshAgents"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
            ],
            path: "Services/Specialist/SpecialistTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AggregatorTests",
            dependencies: [
                .product(name: "AggregatorHandler", package: "Aggregator"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshReports", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
                .product(name: "MeshWorker", package: "MeshRedis"),
            ],
            path: "Services/Aggregator/AggregatorTests",
            swiftSettings: swiftSettings
        ),
        // Real redis-server, real service processes.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                .product(name: "MeshService", package: "MeshService"),
                .product(name: "mesh-producer", package: "Producer"),
                .product(name: "mesh-coordinator", package: "Coordinator"),
                .product(name: "mesh-specialist", package: "Specialist"),
                .product(name: "mesh-aggregator", package: "Aggregator"),
                .product(name: "mesh", package: "Mesh"),
                .product(name: "MeshCLI", package: "Mesh"),
                .product(name: "mesh-agents", package: "MeshAgents"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshReports", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshRedisTesting", package: "MeshRedis"),
            ],
            path: "EndToEndTests",
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
