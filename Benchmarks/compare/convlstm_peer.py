"""Times CrimeKit's ConvLSTM (crimebench convlstm C) and the same network in PyTorch on the CPU in one run.

Usage: python3 Benchmarks/compare/convlstm_peer.py PATH/TO/CrimeBench [CHANNELS ...]   (default 1 39)
On a machine shared with other jobs the load moves between the two sides' runs, so each case alternates
CrimeKit and PyTorch for ROUNDS rounds (environment variable, default 2) and keeps each side's best.
Shapes are the mobility study's: 16x16 grid, 28 steps, hidden 27 in three ConvLSTM layers, batch 55.
Training = one step of forward, BCE-with-logits (pos_weight), backward and Adam on the full batch;
inference = an evaluation-mode forward pass. torch.set_num_threads(2). Prints a JSON line per case with
samples/s for both, the ratios CrimeKit / PyTorch and each side's peak resident memory.
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


class Cell(nn.Module):
    def __init__(self, inputs, hidden):
        super().__init__()
        self.hidden = hidden
        self.conv = nn.Conv2d(inputs + hidden, 4 * hidden, 3, padding=1)

    def forward(self, x, h, c):
        i, f, o, g = torch.split(self.conv(torch.cat([x, h], dim=1)), self.hidden, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


class Net(nn.Module):
    def __init__(self, inputs, hidden=(27, 27, 27), dropout=0.5):
        super().__init__()
        sizes = [inputs, *hidden]
        self.cells = nn.ModuleList([Cell(sizes[k], sizes[k + 1]) for k in range(len(hidden))])
        self.norms = nn.ModuleList([nn.BatchNorm2d(h) for h in hidden])
        self.drop = nn.Dropout(dropout)
        self.head = nn.Conv2d(hidden[-1], 1, 3, padding=1)

    def forward(self, x):
        b, t, _, hh, ww = x.shape
        for cell, norm in zip(self.cells, self.norms):
            h = x.new_zeros(b, cell.hidden, hh, ww)
            c = torch.zeros_like(h)
            out = []
            for s in range(t):
                h, c = cell(x[:, s], h, c)
                out.append(h)
            y = torch.relu(torch.stack(out, 1))
            x = norm(y.reshape(b * t, *y.shape[2:])).reshape(y.shape)
        return self.head(self.drop(x[:, -1]))


def torch_case(channels, batch=55, repeats=3):
    torch.manual_seed(0)
    x = torch.rand(batch, 28, channels, 16, 16)
    y = (torch.rand(batch, 1, 16, 16) < 0.2).float()
    net = Net(channels)
    opt = torch.optim.Adam(net.parameters())
    weight = torch.tensor(float((y == 0).sum() / (y == 1).sum()))
    train = infer = float("inf")
    for _ in range(repeats):
        net.train()
        start = time.perf_counter()
        opt.zero_grad()
        F.binary_cross_entropy_with_logits(net(x), y, pos_weight=weight).backward()
        opt.step()
        train = min(train, time.perf_counter() - start)
        net.eval()
        start = time.perf_counter()
        with torch.no_grad():
            net(x)
        infer = min(infer, time.perf_counter() - start)
    return batch / train, batch / infer


def main():
    bench = sys.argv[1]
    rounds = int(os.environ.get("ROUNDS", "2"))
    for channels in [int(c) for c in sys.argv[2:]] or [1, 39]:
        ours = {"convlstm_train_samples_per_second": 0.0, "convlstm_infer_samples_per_second": 0.0, "peak_rss_mb": 0.0}
        peer_train = peer_infer = 0.0
        for _ in range(rounds):
            run = json.loads(subprocess.run([bench, "convlstm", str(channels)], check=True, capture_output=True, text=True).stdout)
            ours = {k: max(ours[k], run[k]) for k in ours}
            t, i = torch_case(channels)
            peer_train, peer_infer = max(peer_train, t), max(peer_infer, i)
        print(json.dumps({
            "case": f"convlstm {channels} channel(s)",
            "crimekit_train_samples_per_second": round(ours["convlstm_train_samples_per_second"], 2),
            "torch_train_samples_per_second": round(peer_train, 2),
            "train_ratio": round(ours["convlstm_train_samples_per_second"] / peer_train, 2),
            "crimekit_infer_samples_per_second": round(ours["convlstm_infer_samples_per_second"], 2),
            "torch_infer_samples_per_second": round(peer_infer, 2),
            "infer_ratio": round(ours["convlstm_infer_samples_per_second"] / peer_infer, 2),
            "crimekit_peak_rss_mb": round(ours["peak_rss_mb"]),
            "torch_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "torch": torch.__version__,
        }), flush=True)


if __name__ == "__main__":
    main()
