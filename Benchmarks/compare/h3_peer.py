"""Times H3 latLngToCell per point: CrimeKit (crimebench h3) vs Uber's C library (-O3) vs h3-py, same points.

Usage: python3 Benchmarks/compare/h3_peer.py CRIMEBENCH H3_GIT_DIR [TAG]
  CRIMEBENCH  the release-built CrimeBench executable
  H3_GIT_DIR  a git clone of github.com/uber/h3 (the library is built from TAG, default v4.5.0, in a temporary
              folder with gcc -O3; nothing of it is kept)
Prints one JSON object with ns per point for each and the ratios peer / CrimeKit.
"""
import json, os, struct, subprocess, sys, tempfile, time

crimebench, h3_git = sys.argv[1], sys.argv[2]
tag = sys.argv[3] if len(sys.argv) > 3 else "v4.5.0"

TIMER_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "h3api.h"
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
int main(int argc, char **argv) {
    FILE *f = fopen(argv[1], "rb"); fseek(f, 0, SEEK_END); long bytes = ftell(f); fseek(f, 0, SEEK_SET);
    long n = bytes / 16; double *pts = malloc(bytes); fread(pts, 1, bytes, f); fclose(f);
    H3Index *out = malloc(n * sizeof(H3Index));
    int resolutions[2] = {8, 15};
    printf("{");
    for (int r = 0; r < 2; r++) {
        double best = 1e300; H3Index x = 0;
        for (int rep = 0; rep < 3; rep++) {
            double t0 = now();
            for (long i = 0; i < n; i++) {
                LatLng g = {degsToRads(pts[2 * i]), degsToRads(pts[2 * i + 1])};
                latLngToCell(&g, resolutions[r], &out[i]);
            }
            double t = now() - t0; if (t < best) best = t;
            x = 0; for (long i = 0; i < n; i++) x ^= out[i];
        }
        printf("%s\"c_res%d_ns_per_point\": %.2f, \"c_res%d_xor_checksum_low32\": %llu", r ? ", " : "",
               resolutions[r], best / n, resolutions[r], (unsigned long long)(x & 0xffffffffULL));
    }
    printf("}\n");
    return 0;
}
"""

with tempfile.TemporaryDirectory() as work:
    points = os.path.join(work, "points.bin")
    ours = json.loads(subprocess.run([crimebench, "h3", points], check=True, capture_output=True, text=True).stdout)

    src = os.path.join(work, "h3")
    os.makedirs(src)
    archive = subprocess.run(["git", "--git-dir", os.path.join(h3_git, ".git") if os.path.isdir(os.path.join(h3_git, ".git")) else h3_git,
                              "archive", tag, "src/h3lib"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
    lib = os.path.join(src, "src", "h3lib")
    major, minor, patch = tag.lstrip("v").split(".")
    header = open(os.path.join(lib, "include", "h3api.h.in")).read()
    header = (header.replace("@H3_VERSION_MAJOR@", major).replace("@H3_VERSION_MINOR@", minor)
              .replace("@H3_VERSION_PATCH@", patch))
    open(os.path.join(lib, "include", "h3api.h"), "w").write(header)
    open(os.path.join(work, "timer.c"), "w").write(TIMER_C)
    sources = [os.path.join(lib, "lib", f) for f in sorted(os.listdir(os.path.join(lib, "lib"))) if f.endswith(".c")]
    exe = os.path.join(work, "timer")
    subprocess.run(["gcc", "-O3", "-std=c11", "-D_GNU_SOURCE", "-DH3_PREFIX=", "-I", os.path.join(lib, "include"),
                    os.path.join(work, "timer.c"), *sources, "-lm", "-o", exe], check=True)
    peer = json.loads(subprocess.run([exe, points], check=True, capture_output=True, text=True).stdout)

    import h3
    raw = open(points, "rb").read()
    sample = 200_000
    pts = struct.unpack("<%dd" % (2 * sample), raw[: 16 * sample])
    py = {}
    for res in (8, 15):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter_ns()
            for i in range(sample):
                h3.latlng_to_cell(pts[2 * i], pts[2 * i + 1], res)
            best = min(best, time.perf_counter_ns() - t0)
        py["h3py_res%d_ns_per_point" % res] = best / sample

result = {**ours, **peer, **py, "h3py_version": h3.__version__, "c_tag": tag}
for res in (8, 15):
    mine = ours["h3_res%d_ns_per_point" % res]
    result["ratio_c_over_crimekit_res%d" % res] = round(peer["c_res%d_ns_per_point" % res] / mine, 2)
    result["ratio_h3py_over_crimekit_res%d" % res] = round(py["h3py_res%d_ns_per_point" % res] / mine, 2)
    result["checksums_agree_res%d" % res] = ours["h3_res%d_xor_checksum_low32" % res] == peer["c_res%d_xor_checksum_low32" % res]
print(json.dumps(result, indent=1, sort_keys=True))
