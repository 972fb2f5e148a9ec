"""A benchmark corpus: the seed articles repeated to a given size (about 1 MB by default)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["SEEDS", "corpus"]

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def corpus(size: int = 1_000_000, seeds: Path = SEEDS) -> str:
    """The texts of ``seeds/*.txt`` joined and repeated until the result has ``size`` characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if not texts:
        raise FileNotFoundError(f"no seed texts in {seeds}")
    block = "\n\n".join(texts) + "\n\n"
    return (block * (size // len(block) + 1))[:size]
