#!/usr/bin/python3
"""Generate scipy/numpy golden files for @myotrace/dsp tests.

Run with Debian's Python (scipy 1.10):  /usr/bin/python3 packages/dsp/test/golden/generate.py
Writes *.json next to this script. Each file carries provenance (versions, date, parameters).
Inputs are rounded to float32 so the TypeScript side can feed the identical values as a Float32Array.
"""
import datetime
import json
import os
import platform
import sys

import numpy as np
import scipy
import scipy.signal as sig

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261124


def provenance(description, parameters):
    return {
        "generator": "packages/dsp/test/golden/generate.py",
        "description": description,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": SEED,
        "parameters": parameters,
    }


def write(name, obj):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes", file=sys.stderr)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def test_signal(rng, n, fs):
    """EMG-like test input: noise + slow drift + mains + a burst, float32-representable."""
    t = np.arange(n) / fs
    x = (
        20 * rng.standard_normal(n)
        + 50 * np.sin(2 * np.pi * 0.3 * t)
        + 15 * np.sin(2 * np.pi * 50 * t)
        + 30.0
    )
    x[n // 3 : n // 3 + n // 10] += 80 * rng.standard_normal(n // 10)
    return f32(x)


def designs():
    cases = []
    for fs in (200.0, 256.0, 500.0, 1000.0):
        for order in (1, 2, 3, 4, 5, 6, 8):
            cases.append((order, 10.0 * fs / 200, "lowpass", fs))
            cases.append((order, 16.0, "highpass", fs))
            cases.append((order, [10.0, 0.45 * fs], "bandpass", fs))
            cases.append((order, [45.0, 55.0], "bandstop", fs))
    cases += [
        (12, 0.5, "highpass", 500.0),
        (12, 40.0, "lowpass", 200.0),
        (10, [0.3, 35.0], "bandpass", 256.0),
        (7, [1.0, 2.0], "bandpass", 500.0),
        (9, [59.0, 61.0], "bandstop", 512.0),
        (2, 99.0, "lowpass", 200.0),
        (3, 0.05, "highpass", 100.0),
        (11, [20.0, 249.0], "bandpass", 500.0),
    ]
    # Random designs across the whole parameter space (seeded), rounded to 0.01 Hz like settings.
    rng = np.random.default_rng(SEED + 1)
    for _ in range(200):
        fs = float(rng.choice([100.0, 128.0, 200.0, 250.0, 256.0, 500.0, 512.0, 1000.0, 2048.0]))
        order = int(rng.integers(1, 13))
        btype = str(rng.choice(["lowpass", "highpass", "bandpass", "bandstop"]))
        nyq = fs / 2
        if btype in ("lowpass", "highpass"):
            cutoff = round(float(rng.uniform(0.01, 0.98)) * nyq, 2)
        else:
            lo, hi = sorted(rng.uniform(0.01, 0.98, 2) * nyq)
            lo, hi = round(float(lo), 2), round(float(hi), 2)
            if hi - lo < 0.01 * nyq:
                continue
            cutoff = [lo, hi]
        cases.append((order, cutoff, btype, fs))
    out = []
    for order, cutoff, btype, fs in cases:
        sos = sig.butter(order, cutoff, btype, output="sos", fs=fs)
        # Pole pairs equally far from the unit circle (designs symmetric about fs/4) make scipy's
        # section order depend on last-bit rounding; flag them so tests compare the cascade instead.
        _, p, _ = sig.butter(order, cutoff, btype, output="zpk", fs=fs)
        d = np.sort(np.abs(1 - np.abs(p[p.imag >= 0])))
        tie = bool(np.any(np.diff(d) < 1e-12))
        out.append({"order": order, "cutoffHz": cutoff, "type": btype, "sampleRateHz": fs, "poleDistanceTie": tie, "sos": sos.tolist()})
    notches = []
    for f0, q, fs in ((50.0, 30.0, 200.0), (60.0, 30.0, 500.0), (50.0, 10.0, 256.0), (16.7, 5.0, 1000.0), (99.0, 50.0, 200.0)):
        b, a = sig.iirnotch(f0, q, fs=fs)
        notches.append({"f0Hz": f0, "q": q, "sampleRateHz": fs, "b": b.tolist(), "a": a.tolist()})
    write(
        "butter.json",
        {
            "provenance": provenance(
                "scipy.signal.butter(order, cutoff, type, output='sos', fs=fs) and scipy.signal.iirnotch(f0, Q, fs=fs)",
                {"butterCases": len(out), "notchCases": len(notches)},
            ),
            "butter": out,
            "notch": notches,
        },
    )


def filtering(rng):
    fs = 256.0
    n = 1000
    x = test_signal(rng, n, fs)
    cases = []
    specs = [
        ((4, [10.0, 100.0], "bandpass"), {}),
        ((5, 20.0, "highpass"), {}),
        ((3, 15.0, "lowpass"), {}),
        ((2, [45.0, 55.0], "bandstop"), {}),
        ((4, 1.0, "lowpass"), {}),
        ((4, [10.0, 100.0], "bandpass"), {"padtype": "even"}),
        ((4, [10.0, 100.0], "bandpass"), {"padtype": "constant"}),
        ((4, [10.0, 100.0], "bandpass"), {"padtype": None}),
        ((3, 15.0, "lowpass"), {"padlen": 100}),
        ((3, 15.0, "lowpass"), {"padlen": 0}),
        ((8, [0.5, 40.0], "bandpass"), {}),
    ]
    for (order, cutoff, btype), kw in specs:
        sos = sig.butter(order, cutoff, btype, output="sos", fs=fs)
        case = {
            "order": order,
            "cutoffHz": cutoff,
            "type": btype,
            "sampleRateHz": fs,
            "padtype": kw.get("padtype", "odd") if "padtype" in kw else "odd",
            "padlen": kw.get("padlen"),
            "sos": sos.tolist(),
            "zi": sig.sosfilt_zi(sos).tolist(),
            "sosfilt": sig.sosfilt(sos, x).tolist(),
            "sosfiltSteady": sig.sosfilt(sos, x, zi=sig.sosfilt_zi(sos) * x[0])[0].tolist(),
            "sosfiltfilt": sig.sosfiltfilt(sos, x, **kw).tolist(),
        }
        if "padtype" in kw and kw["padtype"] is None:
            case["padtype"] = "none"
        cases.append(case)
    b, a = sig.iirnotch(50.0, 30.0, fs=fs)
    sos = np.array([np.concatenate([b, a])])
    cases.append(
        {
            "notch": {"f0Hz": 50.0, "q": 30.0},
            "sampleRateHz": fs,
            "padtype": "odd",
            "padlen": None,
            "sos": sos.tolist(),
            "zi": sig.sosfilt_zi(sos).tolist(),
            "sosfilt": sig.sosfilt(sos, x).tolist(),
            "sosfiltSteady": sig.sosfilt(sos, x, zi=sig.sosfilt_zi(sos) * x[0])[0].tolist(),
            "sosfiltfilt": sig.sosfiltfilt(sos, x).tolist(),
        }
    )
    write(
        "filter.json",
        {
            "provenance": provenance(
                "scipy.signal.sosfilt (zi=None and zi=sosfilt_zi*x[0]), sosfilt_zi and sosfiltfilt (default padtype='odd', padlen=None unless given) on an EMG-like float32 signal",
                {"n": n, "sampleRateHz": fs},
            ),
            "x": x.tolist(),
            "cases": cases,
        },
    )


def resampling(rng):
    cases = []
    for from_hz, to_hz, n in ((500, 200, 1001), (256, 200, 777), (200, 256, 640), (512, 128, 1024), (100, 300, 301), (1000, 250, 999), (200, 200, 50), (500, 200, 20), (256, 200, 3), (128, 512, 1)):
        x = test_signal(rng, n, float(from_hz))
        g = np.gcd(from_hz, to_hz)
        up, down = to_hz // g, from_hz // g
        y = sig.resample_poly(x, up, down)
        cases.append({"fromHz": from_hz, "toHz": to_hz, "up": int(up), "down": int(down), "x": x.tolist(), "y": y.tolist()})
    write(
        "resample.json",
        {
            "provenance": provenance(
                "scipy.signal.resample_poly(x, up, down) with defaults (window=('kaiser', 5.0), padtype='constant')",
                {"cases": [(c["fromHz"], c["toHz"]) for c in cases]},
            ),
            "cases": cases,
        },
    )


def shrink_window(n, i, w, align):
    if align == "center":
        left = w // 2
        right = w - 1 - left
    else:
        left, right = w - 1, 0
    return max(0, i - left), min(n, i + right + 1)


def moving(rng):
    """Moving statistics with truncated ('shrink') windows, computed window by window with numpy."""
    cases = []
    for n, w, align in ((300, 1, "center"), (300, 7, "center"), (300, 8, "center"), (300, 25, "trailing"), (50, 80, "center"), (400, 51, "center")):
        x = f32(rng.standard_normal(n) * 10 + rng.integers(0, 3, n))  # integer offsets create ties
        res = {k: [] for k in ("mean", "rms", "max", "min", "median", "p10", "p90")}
        for i in range(n):
            lo, hi = shrink_window(n, i, w, align)
            seg = x[lo:hi]
            res["mean"].append(float(np.mean(seg)))
            res["rms"].append(float(np.sqrt(np.mean(seg * seg))))
            res["max"].append(float(np.max(seg)))
            res["min"].append(float(np.min(seg)))
            res["median"].append(float(np.median(seg)))
            res["p10"].append(float(np.percentile(seg, 10)))
            res["p90"].append(float(np.percentile(seg, 90)))
        cases.append({"n": n, "w": w, "align": align, "x": x.tolist(), **res})
    write(
        "moving.json",
        {
            "provenance": provenance(
                "numpy mean/sqrt(mean(x^2))/max/min/median/percentile(linear) over each truncated window",
                {"cases": [(c["n"], c["w"], c["align"]) for c in cases]},
            ),
            "cases": cases,
        },
    )


def main():
    rng = np.random.default_rng(SEED)
    designs()
    filtering(rng)
    resampling(rng)
    moving(rng)


if __name__ == "__main__":
    main()
