// swift-tools-version:6.0
// The image build's root package (Dockerfiles/service.Dockerfile): it depends on the four services and the
// `mesh` CLI by path,
// so one `swift build --product mesh-<service>` per service in one build folder compiles each library once
// for all four images. It has no targets of its own.
import PackageDescription

let package = Package(
    name: "MeshImages",
    dependencies: [
        .package(path: "../Services/Producer"),
        .package(path: "../Services/Coordinator"),
        .package(path: "../Services/Specialist"),
        .package(path: "../Services/Aggregator"),
        .package(path: "../Services/Mesh"),
    ],
    targets: []
)
