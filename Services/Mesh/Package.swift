// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// `mesh`: the command people use. For operators today (`mesh status`, `mesh deadletters`); not a service, so
// it has no image of its own.
let package = Package(
    name: "Mesh",
    products: [
        .executable(name: "mesh", targets: ["mesh"])
    ],
    dependencies: [
        .package(path: "../../Packages/MeshProtocol"),
        .package(path: "../../Packages/MeshRedis"),
        .package(path: "../../Packages/MeshService"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "mesh",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MeshProtocol", package: "MeshProtocol"),
                .product(name: "MeshRedis", package: "MeshRedis"),
                .product(name: "MeshService", package: "MeshService"),
            ],
            swiftSettings: swiftSettings
        )
    ]
)
