"""PyTorch reference fixtures for CrimeKit's neural engine (Tests/CrimeModelsTests/NN*).

Run from this folder:  python3 make_fixtures.py
Writes small safetensors files; every file records the torch and safetensors versions in its metadata.

Layout note: CrimeKit's layers work channels-last ([n, h, w, c]); the per-layer fixtures of image layers
(conv, max-pool, batch norm, ConvLSTM) are computed by PyTorch in its own channels-first layout and then
permuted to channels-last before saving. Model fixtures keep PyTorch's layouts unchanged.
"""
import safetensors
import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import save_file

torch.manual_seed(20261123)
META = {"torch": torch.__version__, "safetensors": safetensors.__version__, "script": "make_fixtures.py"}


def nhwc(t):
    """[n, c, h, w] -> [n, h, w, c] (or [b, t, c, h, w] -> [b, t, h, w, c])."""
    return t.permute(0, 2, 3, 1).contiguous() if t.dim() == 4 else t.permute(0, 1, 3, 4, 2).contiguous()


def save(tensors, name):
    save_file({k: v.detach().contiguous().float() if v.dtype != torch.int64 else v for k, v in tensors.items()}, name, metadata=META)


def grads(module, prefix):
    return {f"{prefix}.grad.{k}": p.grad for k, p in module.named_parameters()}


# ---------------------------------------------------------------- layers
layers = {}

dense = nn.Linear(4, 5)
x = torch.randn(3, 4, requires_grad=True)
r = torch.randn(3, 5)
y = dense(x)
(y * r).sum().backward()
layers.update({"dense.x": x, "dense.weight": dense.weight, "dense.bias": dense.bias, "dense.y": y, "dense.dy": r,
               "dense.dx": x.grad, **grads(dense, "dense")})

conv = nn.Conv2d(3, 4, 3, padding=1)
x = torch.randn(2, 3, 5, 4, requires_grad=True)
y = conv(x)
r = torch.randn_like(y)
(y * r).sum().backward()
layers.update({"conv.x": nhwc(x), "conv.weight": conv.weight, "conv.bias": conv.bias, "conv.y": nhwc(y), "conv.dy": nhwc(r),
               "conv.dx": nhwc(x.grad), **grads(conv, "conv")})

# values rounded to halves so that windows hold ties; PyTorch routes a tie's gradient to the first maximum
x = (torch.randn(2, 3, 5, 6) * 2).round().div(2).requires_grad_(True)
y = F.max_pool2d(x, 2)
r = torch.randn_like(y)
(y * r).sum().backward()
layers.update({"pool.x": nhwc(x), "pool.y": nhwc(y), "pool.dy": nhwc(r), "pool.dx": nhwc(x.grad)})

bn = nn.BatchNorm2d(3)
with torch.no_grad():
    bn.weight.uniform_(0.5, 1.5); bn.bias.uniform_(-0.5, 0.5)
    bn.running_mean.uniform_(-0.3, 0.3); bn.running_var.uniform_(0.5, 2.0)
layers.update({"bn.weight": bn.weight.clone(), "bn.bias": bn.bias.clone(), "bn.running_mean": bn.running_mean.clone(),
               "bn.running_var": bn.running_var.clone()})
x = (torch.randn(4, 3, 2, 3) * 2 + 1).requires_grad_(True)
bn.train()
y = bn(x)
r = torch.randn_like(y)
(y * r).sum().backward()
layers.update({"bn.x": nhwc(x), "bn.train.y": nhwc(y), "bn.dy": nhwc(r), "bn.train.dx": nhwc(x.grad),
               "bn.train.grad.weight": bn.weight.grad, "bn.train.grad.bias": bn.bias.grad,
               "bn.train.running_mean": bn.running_mean, "bn.train.running_var": bn.running_var})
bn.eval(); bn.zero_grad(); x.grad = None
y = bn(x)
(y * r).sum().backward()
layers.update({"bn.eval.y": nhwc(y), "bn.eval.dx": nhwc(x.grad), "bn.eval.grad.weight": bn.weight.grad})

x = torch.cat([torch.randn(16) * 3, torch.tensor([25.0, -25.0, 0.0, 19.5])])
layers["act.x"] = x
r = torch.randn_like(x)
layers["act.dy"] = r
for name, fn in [("relu", torch.relu), ("tanh", torch.tanh), ("sigmoid", torch.sigmoid), ("softplus", F.softplus)]:
    xi = x.clone().requires_grad_(True)
    y = fn(xi)
    (y * r).sum().backward()
    layers[f"act.{name}.y"] = y
    layers[f"act.{name}.dx"] = xi.grad

lstm = nn.LSTM(3, 4, num_layers=2, batch_first=True)
x = torch.randn(2, 5, 3, requires_grad=True)
y, _ = lstm(x)
r = torch.randn_like(y)
(y * r).sum().backward()
layers.update({"lstm.x": x, "lstm.y": y, "lstm.dy": r, "lstm.dx": x.grad, **grads(lstm, "lstm"),
               **{f"lstm.{k}": v for k, v in lstm.state_dict().items()}})


class ConvLSTMCell(nn.Module):
    """The mobility study's cell: one 3x3 conv over concat(input, hidden); gates i, f, o, g."""

    def __init__(self, inputs, hidden):
        super().__init__()
        self.hidden = hidden
        self.conv = nn.Conv2d(inputs + hidden, 4 * hidden, 3, padding=1)

    def forward(self, x, state):
        h, c = state
        i, f, o, g = torch.split(self.conv(torch.cat([x, h], dim=1)), self.hidden, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, c


def run_cell(cell, x):
    b, t, _, hh, ww = x.shape
    h = x.new_zeros(b, cell.hidden, hh, ww)
    c = x.new_zeros(b, cell.hidden, hh, ww)
    out = []
    for s in range(t):
        h, c = cell(x[:, s], (h, c))
        out.append(h)
    return torch.stack(out, dim=1)


cell = ConvLSTMCell(2, 3)
x = torch.randn(2, 3, 2, 4, 5, requires_grad=True)
y = run_cell(cell, x)
r = torch.randn_like(y)
(y * r).sum().backward()
layers.update({"convlstm.x": nhwc(x), "convlstm.y": nhwc(y), "convlstm.dy": nhwc(r), "convlstm.dx": nhwc(x.grad),
               "convlstm.conv.weight": cell.conv.weight, "convlstm.conv.bias": cell.conv.bias,
               "convlstm.grad.conv.weight": cell.conv.weight.grad, "convlstm.grad.conv.bias": cell.conv.bias.grad})

logits = torch.randn(30) * 2
targets = (torch.rand(30) < 0.3).float()
layers.update({"loss.logits": logits, "loss.targets": targets})
for name, fn in [("mse", lambda z: F.mse_loss(z, targets)),
                 ("bce", lambda z: F.binary_cross_entropy_with_logits(z, targets, pos_weight=torch.tensor(2.5))),
                 # torchvision.ops.sigmoid_focal_loss(alpha=0.25, gamma=2, reduction="mean"), written out
                 ("focal", lambda z: (lambda p, ce: ((0.25 * targets + 0.75 * (1 - targets)) * ce
                                                     * (1 - (p * targets + (1 - p) * (1 - targets))) ** 2).mean())(
                     torch.sigmoid(z), F.binary_cross_entropy_with_logits(z, targets, reduction="none")))]:
    z = logits.clone().requires_grad_(True)
    loss = fn(z)
    loss.backward()
    layers[f"loss.{name}.value"] = loss.reshape(1)
    layers[f"loss.{name}.grad"] = z.grad

# Adam: three steps on one tensor with given gradients; clip_grad_norm_ on two tensors
p = nn.Parameter(torch.randn(6))
layers["adam.p0"] = p.detach().clone()
opt = torch.optim.Adam([p])
for s in range(3):
    g = torch.randn(6)
    layers[f"adam.g{s}"] = g
    p.grad = g.clone()
    opt.step()
    layers[f"adam.p{s + 1}"] = p.detach().clone()
a, b = nn.Parameter(torch.zeros(4)), nn.Parameter(torch.zeros(3))
a.grad, b.grad = torch.randn(4) * 2, torch.randn(3) * 2
layers.update({"clip.a": a.grad.clone(), "clip.b": b.grad.clone()})
norm = torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.0)
layers.update({"clip.norm": norm.reshape(1), "clip.a_clipped": a.grad, "clip.b_clipped": b.grad})

# schedulers: the rate after each epoch's step
losses = torch.tensor([1.0, 0.9, 0.95, 0.91, 0.92, 0.93, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.5, 0.6])
q = nn.Parameter(torch.zeros(1))
opt = torch.optim.Adam([q], lr=0.01)
plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=2, threshold=1e-4, cooldown=1)
rates = []
for value in losses:
    plateau.step(value.item())
    rates.append(opt.param_groups[0]["lr"])
layers.update({"plateau.losses": losses, "plateau.rates": torch.tensor(rates)})
opt = torch.optim.Adam([q], lr=0.01)
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10, eta_min=1e-4)
rates = []
for _ in range(10):
    opt.step(); cosine.step()
    rates.append(opt.param_groups[0]["lr"])
layers["cosine.rates"] = torch.tensor(rates)
save(layers, "layers.safetensors")


# ---------------------------------------------------------------- models
def randomise_norms(model):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5); m.bias.uniform_(-0.5, 0.5)
                m.running_mean.uniform_(-0.3, 0.3); m.running_var.uniform_(0.5, 2.0)


class ConvLSTMNet(nn.Module):
    def __init__(self, inputs, hidden, dropout=0.0):
        super().__init__()
        sizes = [inputs] + hidden
        self.cells = nn.ModuleList([ConvLSTMCell(sizes[k], sizes[k + 1]) for k in range(len(hidden))])
        self.norms = nn.ModuleList([nn.BatchNorm2d(h) for h in hidden])
        self.drop = nn.Dropout(dropout)
        self.head = nn.Conv2d(hidden[-1], 1, 3, padding=1)

    def forward(self, x):  # [b, t, c, h, w]
        b, t = x.shape[:2]
        for cell, norm in zip(self.cells, self.norms):
            y = torch.relu(run_cell(cell, x))
            x = norm(y.reshape(b * t, *y.shape[2:])).reshape(y.shape)
        return self.head(self.drop(x[:, -1]))


class CNNLSTMNet(nn.Module):
    def __init__(self, channels, size, features, districts, hidden, dense, dropout=0.0):
        super().__init__()
        sizes = [1] + channels
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
        x = x.reshape(b, t, -1)
        hi = self.drop(self.image_lstm(x)[0][:, -1])
        hs = self.drop(self.socio_lstm(socio)[0][:, -1])
        z = self.drop(torch.relu(self.dense(torch.cat([hi, hs], dim=1))))
        return F.softplus(self.out(z))

    def penalty(self):
        kernels = [c.weight for c in self.convs] + [self.dense.weight, self.out.weight]
        return 0.01 * sum((w ** 2).sum() for w in kernels)


class LSTMNet(nn.Module):
    def __init__(self, features, hidden):
        super().__init__()
        self.lstm = nn.LSTM(features, hidden, num_layers=2, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.head(self.lstm(x)[0][:, -1])


def model_fixture(name, model, inputs, targets, loss_fn):
    randomise_norms(model)
    save(model.state_dict(), f"{name}_weights.safetensors")
    io = dict(inputs)
    io["targets"] = targets
    model.eval()
    with torch.no_grad():
        io["y"] = model(*inputs.values())
    model.train()
    loss = loss_fn(model, model(*inputs.values()), targets)
    loss.backward()
    io["loss"] = loss.detach().reshape(1)
    for k, p in model.named_parameters():
        io[f"grad.{k}"] = p.grad
    for k, v in model.state_dict().items():
        if "running" in k:
            io[f"after.{k}"] = v
    torch.optim.Adam(model.parameters()).step()
    for k, p in model.named_parameters():
        io[f"adam.{k}"] = p
    save(io, f"{name}_io.safetensors")


model_fixture("convlstm", ConvLSTMNet(2, [3, 4, 2]),
              {"x": torch.randn(2, 3, 2, 5, 5)}, (torch.rand(2, 1, 5, 5) < 0.3).float(),
              lambda m, z, y: F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor(3.0)))
model_fixture("cnnlstm", CNNLSTMNet([3, 4, 5], 8, 3, 4, 6, 7),
              {"images": torch.randn(2, 3, 1, 8, 8), "socio": torch.randn(2, 3, 3)}, torch.rand(2, 4) * 3,
              lambda m, z, y: F.mse_loss(z, y) + m.penalty())
model_fixture("lstm", LSTMNet(3, 5),
              {"x": torch.randn(3, 4, 3)}, (torch.rand(3, 1) < 0.5).float(),
              lambda m, z, y: F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor(2.0)))
