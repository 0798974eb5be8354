import MeshRedis

/// Commits a handled entry atomically: the outputs and the XACK run in one Lua script, so a crash never
/// loses an entry nor writes its outputs twice. A script is used rather than MULTI/EXEC because it can
/// look first: if the entry is no longer pending (another consumer reclaimed and committed it while this
/// one was slow) the outputs are dropped, and a guard command can decide once for all replicas.
/// XACK runs last, so a failing output command leaves the entry pending rather than acknowledged.
///
/// Arguments after the group and id: each command (the guard first) as its argument count and its arguments. A
/// command that is the one before it on another key (the coordinator's fan-out: one entry XADDed to four review
/// streams) goes as -1 and the key: Redis's Lua hashes every byte of every argument, and the entry's body was
/// most of them.
enum CommitScript {
    static let source = """
        local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
        if #pending == 0 then return 0 end
        local i = 3
        local last = {}
        local function take()
          local n = tonumber(ARGV[i]); i = i + 1
          local cmd = {}
          if n < 0 then
            for k = 1, #last do cmd[k] = last[k] end
            cmd[2] = ARGV[i]; i = i + 1
          else
            for k = 1, n do cmd[k] = ARGV[i]; i = i + 1 end
          end
          last = cmd
          return cmd
        end
        local result = 1
        local guard = take()
        if #guard > 0 and not redis.call(unpack(guard)) then
          result = 2
          while i <= #ARGV do take() end
        else
          while i <= #ARGV do redis.call(unpack(take())) end
        end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        return result
        """

    static let script = RedisScript(source)

    enum Result {
        case committed
        /// The guard failed: the entry was acknowledged, the guarded commands skipped.
        case guardDeclined
        /// The entry was no longer pending: someone else committed it.
        case notPending
    }

    static func arguments(
        group: String, id: String, guard guardCommand: [RedisArgument], commands: [[RedisArgument]]
    ) -> [RedisArgument] {
        var args: [RedisArgument] = [.string(group), .string(id), .int(guardCommand.count)]
        args += guardCommand
        var previous: [RedisArgument] = []
        for command in commands {
            if isRepeat(command, of: previous) {
                args += [.int(-1), command[1]]
            } else {
                args.append(.int(command.count))
                args += command
            }
            previous = command
        }
        return args
    }

    /// `command` is `previous` but for its key (the argument after the command name). The fields of a fan-out
    /// share their storage, so comparing them is mostly comparing array identities.
    static func isRepeat(_ command: [RedisArgument], of previous: [RedisArgument]) -> Bool {
        command.count >= 2 && command.count == previous.count && command[0] == previous[0] && command[2...] == previous[2...]
    }
}
