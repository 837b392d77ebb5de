// Makes the demo shop's review photos (seed-media/), once: simple canvas drawings of the p1 tote
// bag, rendered by headless Chromium and exported by the browser's own encoders. Run from the repo
// root: node packages/server/scripts/seed-media.mjs
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const OUT = new URL('../seed-media/', import.meta.url);
const PHOTOS = [
  {
    file: 'tote-front.jpg',
    type: 'image/jpeg',
    quality: 0.72,
    w: 640,
    h: 480,
    scene: 'front',
    bag: '#d9c7a3',
    bg: ['#8a5a3c', '#6e452d'],
  },
  {
    file: 'tote-colour.jpg',
    type: 'image/jpeg',
    quality: 0.72,
    w: 480,
    h: 480,
    scene: 'front',
    bag: '#2f5d62',
    bg: ['#e8e2d6', '#cfc6b4'],
  },
  {
    file: 'tote-strap.webp',
    type: 'image/webp',
    quality: 0.8,
    w: 480,
    h: 640,
    scene: 'strap',
    bag: '#6b7a3a',
    bg: ['#dfe6ea', '#b9c4cb'],
  },
  {
    file: 'tote-pocket.png',
    type: 'image/png',
    w: 480,
    h: 360,
    scene: 'pocket',
    bag: '#d9c7a3',
    bg: ['#f4efe6', '#f4efe6'],
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const photo of PHOTOS) {
  const dataUrl = await page.evaluate((p) => {
    const c = document.createElement('canvas');
    c.width = p.w;
    c.height = p.h;
    const g = c.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, p.h);
    sky.addColorStop(0, p.bg[0]);
    sky.addColorStop(1, p.bg[1]);
    g.fillStyle = sky;
    g.fillRect(0, 0, p.w, p.h);
    const cx = p.w / 2;
    const stitch = (path) => {
      g.save();
      g.setLineDash([6, 5]);
      g.strokeStyle = 'rgba(255,255,255,0.7)';
      g.lineWidth = 2;
      g.stroke(path);
      g.restore();
    };
    if (p.scene === 'front' || p.scene === 'strap') {
      const s = p.scene === 'strap' ? 1.25 : Math.min(p.w, p.h) / 480;
      const top = p.scene === 'strap' ? p.h * 0.42 : p.h * 0.36;
      const bw = 300 * s;
      const bh = 230 * s;
      // Shadow, handles, body, pocket, stitching.
      g.fillStyle = 'rgba(0,0,0,0.18)';
      g.beginPath();
      g.ellipse(cx, top + bh + 8 * s, bw * 0.55, 14 * s, 0, 0, Math.PI * 2);
      g.fill();
      g.strokeStyle = p.bag;
      g.lineWidth = 16 * s;
      for (const dx of [-0.22, 0.22]) {
        g.beginPath();
        g.arc(cx + dx * bw, top, 62 * s, Math.PI, 0);
        g.stroke();
      }
      const body = new Path2D();
      body.moveTo(cx - bw / 2, top);
      body.lineTo(cx + bw / 2, top);
      body.lineTo(cx + bw * 0.56, top + bh);
      body.lineTo(cx - bw * 0.56, top + bh);
      body.closePath();
      g.fillStyle = p.bag;
      g.fill(body);
      const shade = g.createLinearGradient(cx - bw / 2, 0, cx + bw / 2, 0);
      shade.addColorStop(0, 'rgba(0,0,0,0.12)');
      shade.addColorStop(0.5, 'rgba(255,255,255,0.08)');
      shade.addColorStop(1, 'rgba(0,0,0,0.16)');
      g.fillStyle = shade;
      g.fill(body);
      const pocket = new Path2D();
      pocket.rect(cx - bw * 0.28, top + bh * 0.45, bw * 0.56, bh * 0.4);
      g.fillStyle = 'rgba(0,0,0,0.08)';
      g.fill(pocket);
      stitch(pocket);
      const hem = new Path2D();
      hem.moveTo(cx - bw / 2 + 8, top + 14 * s);
      hem.lineTo(cx + bw / 2 - 8, top + 14 * s);
      stitch(hem);
      g.fillStyle = 'rgba(255,255,255,0.85)';
      g.font = `${Math.round(26 * s)}px sans-serif`;
      g.textAlign = 'center';
      g.fillText('kith', cx, top + bh * 0.32);
    } else {
      // Inside pocket with a phone and keys: flat colours (a small PNG).
      g.fillStyle = p.bag;
      g.fillRect(40, 40, p.w - 80, p.h - 80);
      g.fillStyle = '#c4b08a';
      g.fillRect(90, 120, p.w - 180, p.h - 140);
      const edge = new Path2D();
      edge.rect(90, 120, p.w - 180, p.h - 140);
      stitch(edge);
      g.fillStyle = '#222';
      g.fillRect(150, 70, 110, 200);
      g.fillStyle = '#3d6f9e';
      g.fillRect(158, 80, 94, 170);
      g.strokeStyle = '#9a9a9a';
      g.lineWidth = 6;
      g.beginPath();
      g.arc(330, 150, 22, 0, Math.PI * 2);
      g.stroke();
      g.fillStyle = '#b08d3c';
      g.fillRect(322, 170, 14, 60);
    }
    return c.toDataURL(p.type, p.quality);
  }, photo);
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (!dataUrl.startsWith(`data:${photo.type}`))
    throw new Error(`${photo.file}: the browser could not encode ${photo.type}`);
  writeFileSync(new URL(photo.file, OUT), bytes);
  console.log(photo.file, bytes.length, 'bytes');
}
await browser.close();
