"""Writes rmsprop_step.json: two RMSprop steps of a small G and D in PyTorch, the reference for
gcl.model.RmsPropMomentumTest (the library's hand-derived backward pass and RMSprop must give the
same losses and parameters).

Run once, in a throwaway venv with torch and numpy:
    python rmsprop_step.py > rmsprop_step.json

Parameters are listed in the library's layout: for each layer, the weight as PyTorch stores it
([out, in], row-major; the same numbers as the library's [in, out] column-major W), then the bias.
"""
import json

import torch

torch.manual_seed(0)
torch.set_num_threads(1)
LR, ALPHA, EPS, MOMENTUM = 0.01, 0.99, 1e-8, 0.6


def flat(model):
    out = []
    for layer in model:
        if isinstance(layer, torch.nn.Linear):
            out += layer.weight.detach().flatten().tolist() + layer.bias.detach().flatten().tolist()
    return out


def run(model, x, target, loss_fn):
    opt = torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, momentum=MOMENTUM)
    record = {"params0": flat(model), "steps": []}
    for _ in range(2):
        opt.zero_grad()
        loss = loss_fn(model(x), target)
        loss.backward()
        opt.step()
        record["steps"].append({"loss": loss.item(), "params": flat(model)})
    return record


x = torch.rand(8, 5) * 2 - 1
t = torch.rand(8, 5) * 2 - 1
g = torch.nn.Sequential(torch.nn.Linear(5, 4), torch.nn.ReLU(), torch.nn.Linear(4, 3), torch.nn.ReLU(),
                        torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 5))
d = torch.nn.Sequential(torch.nn.Linear(5, 4), torch.nn.ReLU(), torch.nn.Linear(4, 3), torch.nn.ReLU(),
                        torch.nn.Linear(3, 1), torch.nn.Sigmoid())
labels = torch.tensor([[1.0], [0.0], [0.0], [1.0], [0.0], [0.0], [1.0], [0.0]])

golden = {
    "torch": torch.__version__,
    "optimiser": {"lr": LR, "alpha": ALPHA, "eps": EPS, "momentum": MOMENTUM},
    "x": x.tolist(),
    "generator": dict(sizes=[5, 4, 3, 4, 5], targets=t.tolist(),
                      **run(g, x, t, lambda out, tt: torch.linalg.vector_norm(out - tt, dim=1).mean())),
    "discriminator": dict(sizes=[5, 4, 3, 1], labels=labels.flatten().tolist(),
                          **run(d, x, labels, torch.nn.BCELoss())),
}
print(json.dumps(golden, indent=1))
