// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MeshRedis",
    products: [
        .library(name: "MeshRedis", targets: ["MeshRedis"]),
        .library(name: "MeshWorker", targets: ["MeshWorker"]),
        .library(name: "MeshRedisTesting", targets: ["MeshRedisTesting"]),
        .executable(name: "mesh-redis-bench", targets: ["mesh-redis-bench"]),
        // For MeshWorkerTests only (so the repository's test package, Tests/, can build it too).
        .executable(name: "meshredis-test-worker", targets: ["meshredis-test-worker"]),
    ],
    targets: [
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .target(name: "MeshRedis", dependencies: ["CHiredis"], swiftSettings: swiftSettings),
        .target(name: "MeshWorker", dependencies: ["MeshRedis"], swiftSettings: swiftSettings),
        // Starts a private redis-server on a free loopback port: for tests and benchmarks, never production.
        .target(name: "MeshRedisTesting", dependencies: ["MeshRedis"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "mesh-redis-bench",
            dependencies: ["MeshRedis", "MeshRedisTesting"],
            swiftSettings: swiftSettings
        ),
        // A worker process the tests can SIGKILL mid-batch.
        .executableTarget(
            name: "meshredis-test-worker",
            dependencies: ["MeshRedis", "MeshWorker"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MeshRedisTests", dependencies: ["MeshRedis", "MeshRedisTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MeshWorkerTests",
            dependencies: ["MeshWorker", "MeshRedisTesting", "meshredis-test-worker"],
            swiftSettings: swiftSettings
        ),
    ]
)
