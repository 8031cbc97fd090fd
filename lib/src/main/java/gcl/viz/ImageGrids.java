package gcl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/** Images in a grid with captions, e.g. a few decoded frames of a video (lesson 01). */
public final class ImageGrids {
    private ImageGrids() {
    }

    /** Images side by side, {@code cols} per row, e.g. a few frames of a video. */
    public static BufferedImage grid(List<BufferedImage> images, int cols) {
        return grid(images, cols, null);
    }

    /**
     * Images in a grid, {@code cols} per row, each in a cell as large as the largest image and
     * with its caption (e.g. "frame 48") under it when {@code captions} is given.
     */
    public static BufferedImage grid(List<BufferedImage> images, int cols, List<String> captions) {
        Objects.requireNonNull(images, "images");
        if (images.isEmpty()) {
            throw new IllegalArgumentException("image grid: no images");
        }
        if (cols < 1) {
            throw new IllegalArgumentException("image grid: cols must be at least 1, got " + cols);
        }
        if (captions != null && captions.size() != images.size()) {
            throw new IllegalArgumentException("image grid: " + captions.size() + " captions for " + images.size() + " images");
        }
        int cellW = 0;
        int cellH = 0;
        for (BufferedImage im : images) {
            cellW = Math.max(cellW, im.getWidth());
            cellH = Math.max(cellH, im.getHeight());
        }
        int pad = 6;
        Font font = new Font(ChartStyle.FONT, Font.PLAIN, 13);
        int captionH = captions == null ? 0 : 20;
        int c = Math.min(cols, images.size());
        int r = (images.size() + c - 1) / c;
        int w = pad + c * (cellW + pad);
        int h = pad + r * (cellH + captionH + pad);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < images.size(); i++) {
                BufferedImage im = images.get(i);
                int x0 = pad + (i % c) * (cellW + pad);
                int y0 = pad + (i / c) * (cellH + captionH + pad);
                g.drawImage(im, x0 + (cellW - im.getWidth()) / 2, y0 + (cellH - im.getHeight()) / 2, null);
                if (captions != null) {
                    String s = captions.get(i);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(s, x0 + (cellW - fm.stringWidth(s)) / 2, y0 + cellH + fm.getAscent() + 3);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
