import FuzzSupport
import MeshProtocol

/// The grammar specialist on chunks made from the input: see `fuzzSpecialist`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGrammar(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzSpecialist(.grammar, data, count)
    return 0
}
