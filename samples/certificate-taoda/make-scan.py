#!/usr/bin/env python3
"""Makes stock-scan.png, a plausible scan of blank certificate stock, from Wenshu's own
certificate: its stock layer alone (--print-stock) rendered at 75 dpi, then turned 0.5°, moved
a little, on cream paper with a faint grain, as a flatbed scanner returns it. Run once by hand
(the PNG is committed):  samples/certificate-taoda/make-scan.py [path/to/wenshu]"""
import os, random, subprocess, sys, tempfile
from PIL import Image, ImageChops, ImageFilter

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
wenshu = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/debug/wenshu")
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([wenshu, "build", "certificate", os.path.join(root, "samples/certificate/data.yaml"),
                    "-o", tmp + "/stock.pdf", "--print-stock", "--png", tmp + "/png", "--dpi", "75"],
                   check=True, cwd=root, stdout=subprocess.DEVNULL)
    page = Image.open(tmp + "/png/page-1.png").convert("RGB")
w, h = page.size
scan = page.rotate(-0.5, resample=Image.BICUBIC, translate=(4, -3), fillcolor=(255, 255, 255))
paper = Image.new("RGB", (w, h), (246, 240, 226))
random.seed(9704)
grain = Image.effect_noise((w, h), 6).convert("RGB")
paper = ImageChops.subtract(paper, ImageChops.invert(grain).point(lambda v: max(0, v - 235)))
scan = ImageChops.multiply(scan.filter(ImageFilter.GaussianBlur(0.6)), paper)
scan.quantize(colors=48).save(os.path.join(here, "stock-scan.png"), optimize=True)
print("wrote", os.path.join(here, "stock-scan.png"), scan.size)
