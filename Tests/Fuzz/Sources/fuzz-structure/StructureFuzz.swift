import FuzzSupport
import MeshProtocol

/// The structure specialist on chunks made from the input: see `fuzzSpecialist`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStructure(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzSpecialist(.structure, data, count)
    return 0
}
