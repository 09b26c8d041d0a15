"""Times CrimeKit's CNN-LSTM (crimebench cnnlstm B) and the same network in PyTorch on the CPU in one run.

Usage: python3 Benchmarks/compare/cnnlstm_peer.py PATH/TO/CrimeBench [BATCH]   (default 32, the study's)
Shapes are the Chicago study's: 256x256 images, 10 steps, conv blocks of 32/64/128 channels, LSTM(50) x2 on
images and on 8 socio features, dense 50, 77 districts. Training = one step of forward, MSE + 0.01 L2 on the
kernels, backward and Adam. torch.set_num_threads(2). Prints one JSON line with samples/s, the ratio and
each side's peak resident memory. Batch 32 needs about 12 GB per side; pass a smaller batch on a shared box.
The two sides alternate for ROUNDS rounds (environment variable, default 2); each side's best is kept.
"""
import json
import os
import resource
import subprocess
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(2)


class Net(nn.Module):
    def __init__(self, channels=(32, 64, 128), size=256, features=8, districts=77, hidden=50, dense=50, dropout=0.5):
        super().__init__()
        sizes = [1, *channels]
        self.convs = nn.ModuleList([nn.Conv2d(sizes[k], sizes[k + 1], 3, padding=1) for k in range(len(channels))])
        self.norms = nn.ModuleList([nn.BatchNorm2d(c) for c in channels])
        reduced = size >> len(channels)
        self.image_lstm = nn.LSTM(channels[-1] * reduced * reduced, hidden, num_layers=2, batch_first=True)
        self.socio_lstm = nn.LSTM(features, hidden, num_layers=2, batch_first=True)
        self.dense = nn.Linear(2 * hidden, dense)
        self.out = nn.Linear(dense, districts)
        self.drop = nn.Dropout(dropout)

    def forward(self, images, socio):
        b, t = images.shape[:2]
        x = images.reshape(b * t, *images.shape[2:])
        for conv, norm in zip(self.convs, self.norms):
            x = F.max_pool2d(norm(torch.relu(conv(x))), 2)
        hi = self.drop(self.image_lstm(x.reshape(b, t, -1))[0][:, -1])
        hs = self.drop(self.socio_lstm(socio)[0][:, -1])
        return F.softplus(self.out(self.drop(torch.relu(self.dense(torch.cat([hi, hs], 1))))))

    def penalty(self):
        return 0.01 * sum((w ** 2).sum() for w in [c.weight for c in self.convs] + [self.dense.weight, self.out.weight])


def main():
    bench = sys.argv[1]
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    torch.manual_seed(0)
    images, socio, y = torch.rand(batch, 10, 1, 256, 256), torch.rand(batch, 10, 8), torch.rand(batch, 77)
    net = Net()
    opt = torch.optim.Adam(net.parameters())
    ours = {"cnnlstm_train_samples_per_second": 0.0, "peak_rss_mb": 0.0}
    peer = 0.0
    for _ in range(int(os.environ.get("ROUNDS", "2"))):
        run = json.loads(subprocess.run([bench, "cnnlstm", str(batch)], check=True, capture_output=True, text=True).stdout)
        ours = {k: max(ours[k], run[k]) for k in ours}
        start = time.perf_counter()
        opt.zero_grad()
        (F.mse_loss(net(images, socio), y) + net.penalty()).backward()
        opt.step()
        peer = max(peer, batch / (time.perf_counter() - start))
    print(json.dumps({
        "case": f"cnnlstm batch {batch}",
        "crimekit_train_samples_per_second": round(ours["cnnlstm_train_samples_per_second"], 3),
        "torch_train_samples_per_second": round(peer, 3),
        "train_ratio": round(ours["cnnlstm_train_samples_per_second"] / peer, 2),
        "crimekit_peak_rss_mb": round(ours["peak_rss_mb"]),
        "torch_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "torch": torch.__version__,
    }), flush=True)


if __name__ == "__main__":
    main()
