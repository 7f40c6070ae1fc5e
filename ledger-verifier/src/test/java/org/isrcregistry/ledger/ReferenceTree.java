package org.isrcregistry.ledger;

import java.util.HexFormat;
import java.util.List;

/** The reference tree of RFC 6962/9162 test suites (transparency-dev/merkle testonly): its eight leaves and roots. */
final class ReferenceTree {

    static final List<byte[]> LEAVES = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    static final List<byte[]> LEAF_HASHES = hex(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");

    /** Indexed by tree size, 0 to 8. */
    static final List<byte[]> ROOTS = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private ReferenceTree() {
    }

    static List<byte[]> hex(String... values) {
        return java.util.Arrays.stream(values).map(HexFormat.of()::parseHex).toList();
    }

    /** The hash of each aligned subtree of the first {@code size} reference leaves, as a log would store them. */
    static java.util.Map<Subtree, byte[]> subtrees(int size) {
        java.util.Map<Subtree, byte[]> stored = new java.util.HashMap<>();
        MerkleTree.CompactRange range = new MerkleTree.CompactRange();
        for (int i = 0; i < size; i++) {
            List<byte[]> completed = range.append(MerkleTree.leafHash(LEAVES.get(i)));
            for (int level = 0; level < completed.size(); level++) {
                stored.put(new Subtree(level, i >> level), completed.get(level));
            }
        }
        return stored;
    }

    static List<byte[]> proof(List<Proofs.Range> ranges, java.util.Map<Subtree, byte[]> stored) {
        return ranges.stream().map(r -> Subtree.hash(r.start(), r.end(), stored)).toList();
    }
}
