"""The peer of the suite's performance benchmark: the same VGG, recipe and augmentation in PyTorch
and torchvision, trained end to end from the JPEG archive and on pre-made tensors.

Run by io.vggsuite.benchmarks.PerformanceBenchmark, which parses the lines starting "peer." that
this script prints; it can also be run by hand:

    python3 benchmarks/peer/vgg_peer.py --archive ../shared/datasets/cifar10/cifar10-jpg.tar.gz

Everything mirrors the suite's quick budget (experiments' Budget.QUICK):
  * Table 1's configurations as cfgs lists, conv widths scaled by --width (1/4: convs 16..128,
    FC 1024), FC head as Linear layers with ReLU and dropout 0.5 after fc6 and fc7;
  * SGD, momentum 0.9, weight decay 5e-4, learning rate 1e-2, batch 64, softmax cross-entropy;
  * augmentation of Section 3.1: isotropic rescale to S drawn per image from [37;73] (the paper's
    [256;512] at crop 32), random 32x32 crop, random horizontal flip, mean-RGB subtraction in
    0-255 units, PCA colour shift with alpha ~ N(0, 0.1^2);
  * ImageFolder over an extracted copy of the archive's train/ folder (in the system temp folder,
    reused between runs), DataLoader with 2 workers, a random subset of --train-images images.
"""

import argparse
import os
import random
import sys
import tarfile
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torchvision
from PIL import Image
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms
from torchvision.transforms import functional as F

# Table 1 of the paper, in torchvision's notation: filters of 3x3 convs, "M" for 2x2 max-pooling.
CFGS = {
    "A": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "B": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "D": [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
    "E": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M",
          512, 512, 512, 512, "M"],
}
PAPER_FC_UNITS = 4096
# Krizhevsky et al. (2012), Section 4.1: alpha_i ~ N(0, 0.1^2).
COLOUR_SHIFT_STD = 0.1
# Images the mean and principal components are estimated from: plenty for 3 numbers and a 3x3 matrix.
STATISTICS_SAMPLE = 2000


class Vgg(nn.Module):
    def __init__(self, cfg, width, crop, classes):
        super().__init__()
        layers, channels = [], 3
        for v in cfg:
            if v == "M":
                layers.append(nn.MaxPool2d(2, 2))
            else:
                filters = max(1, round(v * width))
                layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU(inplace=True)]
                channels = filters
        self.features = nn.Sequential(*layers)
        units = max(1, round(PAPER_FC_UNITS * width))
        side = crop // 32
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(channels * side * side, units), nn.ReLU(inplace=True), nn.Dropout(0.5),
            nn.Linear(units, units), nn.ReLU(inplace=True), nn.Dropout(0.5),
            nn.Linear(units, classes))
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        return self.classifier(self.features(x))


class RandomIsotropicRescale:
    """Smallest side to S, S drawn uniformly from [smin, smax] per image (not RandomResizedCrop)."""

    def __init__(self, smin, smax):
        self.smin, self.smax = smin, smax

    def __call__(self, img):
        return F.resize(img, random.randint(self.smin, self.smax))


class ScaleAndSubtractMean:
    """ToTensor's 0-1 back to the paper's 0-255 units, minus the training set's mean RGB."""

    def __init__(self, mean):
        self.mean = torch.tensor(mean, dtype=torch.float32).view(3, 1, 1)

    def __call__(self, x):
        return x.mul(255.0).sub_(self.mean)


class Lighting:
    """PCA colour shift: add sum_i alpha_i lambda_i p_i (0-255 units), alpha_i ~ N(0, std^2)."""

    def __init__(self, eigenvalues, eigenvectors, std=COLOUR_SHIFT_STD):
        self.eigenvalues = torch.tensor(eigenvalues, dtype=torch.float32)
        self.eigenvectors = torch.tensor(eigenvectors, dtype=torch.float32)  # rows are p_i
        self.std = std

    def __call__(self, x):
        alphas = torch.randn(3) * self.std
        shift = 255.0 * (alphas * self.eigenvalues) @ self.eigenvectors
        return x.add_(shift.view(3, 1, 1))


def paper_scale_at(crop, paper_size):
    """The paper's sizes (for 224 crops) at this crop, as the suite's ScaleMapping.map rounds them."""
    return max(crop, int(paper_size * crop / 224 + 0.5))


def extracted_train_folder(archive):
    """train/ of the archive, extracted once into the system temp folder (outside the repository)."""
    stat = os.stat(archive)
    root = os.path.join(tempfile.gettempdir(), "vgg-peer-%s-%d" % (os.path.basename(archive).split(".")[0], stat.st_size))
    done = os.path.join(root, ".extracted")
    if not os.path.exists(done):
        os.makedirs(root, exist_ok=True)
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.name.lstrip("./").startswith("train/")]
            tar.extractall(root, members=members)
        open(done, "w").close()
    return os.path.join(root, "train")


def statistics(folder, seed):
    """Mean RGB and the principal components of RGB pixels (0-1 units for the eigenvalues, like the suite)."""
    samples = [path for path, _ in datasets.ImageFolder(folder).samples]
    rng = random.Random(seed)
    pixels = np.concatenate([np.asarray(Image.open(p).convert("RGB"), dtype=np.float64).reshape(-1, 3)
                             for p in rng.sample(samples, min(STATISTICS_SAMPLE, len(samples)))])
    mean = pixels.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov((pixels / 255.0).T))
    return mean.tolist(), values.tolist(), vectors.T.tolist()


def loaded_blas():
    """The BLAS library the process really mapped (Debian picks libblas.so.3 by update-alternatives)."""
    torch.randn(64, 64) @ torch.randn(64, 64)
    with open("/proc/self/maps") as maps:
        paths = {os.path.realpath(line.split()[-1]) for line in maps if "blas" in line.lower() and "/" in line}
    named = sorted(os.path.basename(p) for p in paths if "openblas" in os.path.basename(p)) or sorted(paths)
    return ",".join(named) or "none mapped"


def model_and_optimizer(config, args):
    net = Vgg(CFGS[config], args.width, args.crop, 10)
    optimizer = torch.optim.SGD(net.parameters(), lr=1e-2, momentum=0.9, weight_decay=5e-4)
    return net, optimizer


def step(net, optimizer, loss_fn, images, labels):
    optimizer.zero_grad(set_to_none=True)
    scores = net(images)
    loss = loss_fn(scores, labels)
    loss.backward()
    optimizer.step()
    # What any training loop reads back per step: the loss and the number right.
    return loss.item(), (scores.argmax(1) == labels).sum().item()


def compute_only(config, args):
    """Images/s on one pre-made N(0, 1) batch, like the suite's ComputeThroughput."""
    torch.manual_seed(args.seed)
    net, optimizer = model_and_optimizer(config, args)
    net.train()
    loss_fn = nn.CrossEntropyLoss()
    images = torch.randn(args.batch, 3, args.crop, args.crop)
    labels = torch.randint(0, 10, (args.batch,))
    for _ in range(args.warmup):
        step(net, optimizer, loss_fn, images, labels)
    start = time.perf_counter()
    for _ in range(args.steps):
        step(net, optimizer, loss_fn, images, labels)
    return args.steps * args.batch / (time.perf_counter() - start)


def end_to_end(config, args, dataset):
    """Images/s of training fed by the DataLoader, timed after warm-up batches (workers started)."""
    torch.manual_seed(args.seed)
    net, optimizer = model_and_optimizer(config, args)
    net.train()
    loss_fn = nn.CrossEntropyLoss()
    loader = DataLoader(dataset, batch_size=args.batch, shuffle=True, drop_last=True,
                        num_workers=args.workers, persistent_workers=False)
    needed = args.warmup + args.steps
    if needed > len(loader):
        sys.exit("peer: %d batches needed but an epoch of %d images has only %d" % (needed, len(dataset), len(loader)))
    start = None
    for i, (images, labels) in enumerate(loader):
        if i == args.warmup:
            start = time.perf_counter()
        if i == needed:
            break
        step(net, optimizer, loss_fn, images, labels)
    return args.steps * args.batch / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", required=True, help="cifar10-jpg.tar.gz: an ImageFolder of JPEGs")
    parser.add_argument("--configs", default="A,D")
    parser.add_argument("--width", type=float, default=0.25)
    parser.add_argument("--crop", type=int, default=32)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--train-images", type=int, default=15000, help="the quick budget's training subset")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=10, help="untimed steps first")
    parser.add_argument("--steps", type=int, default=200, help="timed steps")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0,
                        help="intra-op threads (0: torch's default; the benchmark passes the suite's own count, "
                             "because Debian's torch 1.13 defaults to 1 thread on some VMs whose cores it cannot read)")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    print("peer.torch=%s" % torch.__version__)
    print("peer.torchvision=%s" % torchvision.__version__)
    print("peer.threads=%d" % torch.get_num_threads())
    print("peer.blas=%s" % loaded_blas())
    sys.stdout.flush()

    folder = extracted_train_folder(args.archive)
    mean, eigenvalues, eigenvectors = statistics(folder, args.seed)
    smin, smax = paper_scale_at(args.crop, 256), paper_scale_at(args.crop, 512)
    transform = transforms.Compose([
        RandomIsotropicRescale(smin, smax),
        transforms.RandomCrop(args.crop),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        ScaleAndSubtractMean(mean),
        Lighting(eigenvalues, eigenvectors),
    ])
    full = datasets.ImageFolder(folder, transform=transform)
    subset = random.Random(args.seed).sample(range(len(full)), min(args.train_images, len(full)))
    dataset = Subset(full, subset)
    print("peer.scale=[%d;%d]" % (smin, smax))
    print("peer.images=%d" % len(dataset))

    for config in args.configs.split(","):
        print("peer.%s.compute=%.1f" % (config, compute_only(config, args)))
        sys.stdout.flush()
        print("peer.%s.end_to_end=%.1f" % (config, end_to_end(config, args, dataset)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
