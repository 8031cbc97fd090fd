"""The peer half of environment/bench: the cooperative iteration of GCL in PyTorch on the CPU, and the
fp32 GEMM roofline at the same layer shapes (NumPy's BLAS), both at the paper's sizes.

One iteration on a batch of b features (the same loop as gcl.train.GclModel.iterate, written as a
PyTorch user would): G's errors without gradients (Eq. 1-2), one RMSprop step of D on BCE (Eq. 3),
D's probabilities (Eq. 4), the pseudo targets (ones, Eq. 6), one RMSprop step of G on the mean L2
norm (Eq. 5). The roofline is the time of every matrix product that loop needs (379 GFLOP at the
paper's sizes: G forward twice, backward once; D the same), timed one by one with numpy.matmul
into preallocated outputs, best of a few runs, and summed.

Prints one JSON object: seconds per iteration (best and mean) for torch, the roofline's seconds, the
GFLOP per iteration, threads, versions. Pieces that cannot run (no torch) are reported as null with
the reason.
"""
import argparse
import json
import os
import sys
import time


def layer_pairs(sizes):
    return list(zip(sizes[:-1], sizes[1:]))


def gemm_shapes(b, g_sizes, d_sizes):
    """(m, k, n) of every product of one iteration without any reuse: forward twice, backward once."""
    shapes = []
    for sizes in (g_sizes, d_sizes):
        pairs = layer_pairs(sizes)
        for _ in range(2):                      # forward for labels, forward of the step
            shapes += [(b, i, o) for i, o in pairs]
        shapes += [(i, b, o) for i, o in pairs]             # dW = a^T delta
        shapes += [(b, o, i) for i, o in pairs[1:]]         # delta W^T (not for the input layer)
    return shapes


def gflop(shapes):
    return sum(2.0 * m * k * n for m, k, n in shapes) / 1e9


def roofline(shapes, threads, repeats):
    import numpy as np
    from threadpoolctl import threadpool_limits, threadpool_info
    rng = np.random.default_rng(0)
    total = 0.0
    with threadpool_limits(limits=threads, user_api="blas"):
        cache = {}
        for m, k, n in shapes:
            if (m, k, n) not in cache:
                a = rng.random((m, k), dtype=np.float32)
                bm = rng.random((k, n), dtype=np.float32)
                out = np.empty((m, n), dtype=np.float32)
                np.matmul(a, bm, out=out)                   # warm up
                best = float("inf")
                for _ in range(repeats):
                    t = time.perf_counter()
                    np.matmul(a, bm, out=out)
                    best = min(best, time.perf_counter() - t)
                cache[(m, k, n)] = best
            total += cache[(m, k, n)]
        blas = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')}" for i in threadpool_info()
                if i.get("user_api") == "blas"]
    return total, blas


def torch_loop(args, g_sizes, d_sizes):
    import torch
    torch.manual_seed(1)
    torch.set_num_threads(args.threads)
    nn = torch.nn

    def mlp(sizes, last):
        layers = []
        for i, (a, b) in enumerate(layer_pairs(sizes)):
            layers.append(nn.Linear(a, b))
            layers.append(nn.ReLU() if i < len(sizes) - 2 else last)
        return nn.Sequential(*layers)

    g = mlp(g_sizes, nn.Identity())
    d = mlp(d_sizes, nn.Sigmoid())
    opt_g = torch.optim.RMSprop(g.parameters(), lr=2e-5, alpha=0.99, eps=1e-8, momentum=0.6)
    opt_d = torch.optim.RMSprop(d.parameters(), lr=2e-5, alpha=0.99, eps=1e-8, momentum=0.6)
    bce = nn.BCELoss()
    features = torch.rand(args.segments, args.dim)

    def iteration(x):
        with torch.no_grad():
            err = torch.linalg.vector_norm(g(x) - x, dim=1)
            l_g = (err >= err.mean() + err.std()).float()
        opt_d.zero_grad(set_to_none=True)
        loss_d = bce(d(x).squeeze(1), l_g)
        loss_d.backward()
        opt_d.step()
        with torch.no_grad():
            p = d(x).squeeze(1)
            l_d = p >= p.mean() + 0.1 * p.std()
            t = torch.where(l_d[:, None], torch.ones_like(x), x)
        opt_g.zero_grad(set_to_none=True)
        loss_g = torch.linalg.vector_norm(g(x) - t, dim=1).mean()
        loss_g.backward()
        opt_g.step()

    times = []
    for epoch in range(args.epochs + 1):           # the first epoch is a warm-up
        order = torch.randperm(args.segments)
        for start in range(0, args.segments - args.batch + 1, args.batch):
            x = features[order[start:start + args.batch]]
            t = time.perf_counter()
            iteration(x)
            if epoch > 0:
                times.append(time.perf_counter() - t)
    return min(times), sum(times) / len(times), len(times), torch.__version__


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dim", type=int, default=2048)
    p.add_argument("--batch", type=int, default=8192)
    p.add_argument("--segments", type=int, default=16384)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--repeats", type=int, default=3, help="timings of each GEMM shape (the best counts)")
    args = p.parse_args()
    g_sizes = [args.dim, 1024, 512, 256, 512, 1024, args.dim]
    d_sizes = [args.dim, 512, 32, 1]
    shapes = gemm_shapes(args.batch, g_sizes, d_sizes)
    out = {"gflop_per_iteration": gflop(shapes), "threads": args.threads, "python": sys.version.split()[0]}
    try:
        import numpy
        out["roofline_seconds"], out["blas"] = roofline(shapes, args.threads, args.repeats)
        out["numpy"] = numpy.__version__
    except ImportError as e:
        out["roofline_seconds"], out["roofline_missing"] = None, str(e)
    try:
        best, mean, n, version = torch_loop(args, g_sizes, d_sizes)
        out.update(torch_seconds_best=best, torch_seconds_mean=mean, torch_iterations=n, torch=version)
    except ImportError as e:
        out["torch_seconds_best"], out["torch_missing"] = None, str(e)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
