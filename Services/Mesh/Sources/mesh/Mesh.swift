import ArgumentParser
import MeshProtocol
import MeshRedis
import MeshAgents
import MeshService
import MeshText

let toolVersion = "0.1.0"

@main
struct Mesh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh",
        abstract: "The Agentic Mesh: review documents, fix the safe findings, look up rules, and watch a running mesh.",
        discussion: """
            Everyday: `mesh review docs/` (in this process, or on the mesh when REDIS_HOST is set), `mesh fix docs/`, \
            `mesh rules`, `mesh explain RULE`. For operators: `mesh status` and `mesh deadletters` read the mesh's \
            streams, groups and dead letters in Redis (REDIS_HOST, REDIS_PORT, … or --redis-host …) and say what they mean.
            """,
        version: meshVersionText("mesh", toolVersion, linking: [("MeshAgents", MeshAgentsLibrary.version)]),
        subcommands: [Review.self, Fix.self, Rules.self, Explain.self, Status.self, DeadLetters.self]
    )
}
