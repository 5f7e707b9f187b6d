#!/usr/bin/python3
"""Golden values for test.bdf / test.edf from the EEGLAB exports shipped with MNE-Python (BSD-3).

The .mat files hold the data as read by EEGLAB's readers (microvolts, float32). MNE's test_bdf_data
asserts equality with its own reader to 8 decimals in volts. We keep a bounded excerpt: every
channel, samples [0, 64) and [n-64, n), rounded to float32 as stored.

Run with Debian's Python (scipy): /usr/bin/python3 make_eeglab_golden.py [DATA_DIR]
Provenance: scipy.io.loadmat of mne-python/mne/io/edf/tests/data/test_{bdf,edf}_eeglab.mat.
"""
import json
import sys

import scipy
import scipy.io as sio

data_dir = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/edf/mne-python'
for name, source in (('test.bdf', 'test_bdf_eeglab.mat'), ('test.edf', 'test_edf_eeglab.mat')):
    data = sio.loadmat(f'{data_dir}/{source}')['data']
    n = data.shape[1]
    out = {
        'file': name,
        'producer': f'EEGLAB export via scipy {scipy.__version__} loadmat ({source})',
        'unit': 'uV',
        'channels': int(data.shape[0]),
        'samplesPerChannel': int(n),
        'windows': [
            {'firstSampleIndex': 0, 'values': [[float(v) for v in row[:64]] for row in data]},
            {'firstSampleIndex': n - 64, 'values': [[float(v) for v in row[n - 64:]] for row in data]},
        ],
    }
    with open(f'eeglab-{name}.json', 'w') as f:
        json.dump(out, f, separators=(',', ':'))
