package gcl.synth;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import gcl.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * One fixed camera's view: a static background (sky, buildings, a road, footpaths, trees, ground
 * texture) and the paths along which people walk and cars drive. Made once per camera and shared
 * by all of that camera's clips.
 *
 * @param width      frame width
 * @param height     frame height
 * @param horizon    the row where the ground begins
 * @param background the rendered background
 * @param footpaths  polylines people walk along (in pixels)
 * @param road       the centre line of the road, left to right
 */
public record Scene(int width, int height, int horizon, VideoFrame background, List<Path> footpaths, Path road) {
    /** A polyline, walked at constant speed. */
    public record Path(double[] xs, double[] ys) {
        /** Its length in pixels. */
        public double length() {
            double s = 0;
            for (int i = 1; i < xs.length; i++) {
                s += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            }
            return s;
        }

        /** The point at arc length s (clamped to the ends), as {x, y, dx, dy} with a unit direction. */
        public double[] at(double s) {
            double left = Math.max(0, s);
            for (int i = 1; i < xs.length; i++) {
                double seg = Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
                if (left <= seg || i == xs.length - 1) {
                    double t = seg == 0 ? 0 : Math.min(1, left / seg);
                    double dx = seg == 0 ? 1 : (xs[i] - xs[i - 1]) / seg;
                    double dy = seg == 0 ? 0 : (ys[i] - ys[i - 1]) / seg;
                    return new double[] {xs[i - 1] + t * (xs[i] - xs[i - 1]), ys[i - 1] + t * (ys[i] - ys[i - 1]), dx, dy};
                }
                left -= seg;
            }
            return new double[] {xs[0], ys[0], 1, 0};
        }
    }

    /** Height in pixels of a person standing at row y: smaller towards the horizon (perspective). */
    public double personHeight(double y) {
        return personHeight(height, horizon, y);
    }

    static double personHeight(int height, int horizon, double y) {
        double depth = Math.max(0, Math.min(1, (y - horizon) / (double) (height - horizon)));
        return height * (0.07 + 0.13 * depth);
    }

    /** A random scene: layout and colours drawn from {@code rng}. */
    @SuppressWarnings({"unchecked", "try"}) // a PointerScope frees the natives made in it, unreferenced by design; JavaCPP's constructor is not @SafeVarargs
    public static Scene random(Random rng, int width, int height) {
        int horizon = (int) Math.round(height * (0.25 + 0.1 * rng.nextDouble()));
        Mat m = new Mat(height, width, CV_8UC3);
        List<Path> paths = new ArrayList<>();
        Path road;
        try (PointerScope scope = new PointerScope()) {
            // sky and buildings
            rectangle(m, new Point(0, 0), new Point(width, horizon), jitter(rng, 200, 190, 170, 20), FILLED, 8, 0);
            int x = 0;
            while (x < width) {
                int w = width / 8 + rng.nextInt(width / 5);
                int top = (int) (horizon * (0.1 + 0.7 * rng.nextDouble()));
                Scalar wall = jitter(rng, 120, 120, 130, 50);
                rectangle(m, new Point(x, top), new Point(x + w - 2, horizon), wall, FILLED, 8, 0);
                for (int wy = top + 3; wy < horizon - 3; wy += 6) {
                    for (int wx = x + 3; wx < x + w - 5; wx += 6) {
                        rectangle(m, new Point(wx, wy), new Point(wx + 2, wy + 2), jitter(rng, 70, 80, 90, 30), FILLED, 8, 0);
                    }
                }
                x += w;
            }
            // ground: grass or paving
            Scalar ground = rng.nextBoolean() ? jitter(rng, 60, 130, 80, 25) : jitter(rng, 140, 145, 150, 25);
            rectangle(m, new Point(0, horizon), new Point(width, height), ground, FILLED, 8, 0);
            // the road, just below the horizon
            double roadY = horizon + height * (0.08 + 0.06 * rng.nextDouble());
            int roadHalf = Math.max(3, (int) Math.round(height * 0.05));
            rectangle(m, new Point(0, (int) roadY - roadHalf), new Point(width, (int) roadY + roadHalf), jitter(rng, 70, 70, 70, 15),
                    FILLED, 8, 0);
            for (int dx = 0; dx < width; dx += 14) {
                line(m, new Point(dx, (int) roadY), new Point(dx + 7, (int) roadY), new Scalar(200, 230, 240, 0), 1, 8, 0);
            }
            road = new Path(new double[] {-30, width + 30.0}, new double[] {roadY, roadY});
            // footpaths between the road and the bottom edge
            int count = 2 + rng.nextInt(2);
            Scalar paving = jitter(rng, 150, 175, 190, 20);
            for (int i = 0; i < count; i++) {
                Path p = footpath(rng, width, height, roadY + roadHalf + 4);
                paths.add(p);
                for (int k = 1; k < p.xs().length; k++) {
                    int thickness = (int) Math.max(3, Math.round(0.6 * personHeight(height, horizon,
                            (p.ys()[k] + p.ys()[k - 1]) / 2)));
                    line(m, new Point((int) p.xs()[k - 1], (int) p.ys()[k - 1]), new Point((int) p.xs()[k], (int) p.ys()[k]),
                            paving, thickness, LINE_AA, 0);
                }
            }
            // trees
            int trees = 1 + rng.nextInt(4);
            for (int i = 0; i < trees; i++) {
                int tx = rng.nextInt(width);
                int ty = horizon + (int) ((height - horizon) * (0.2 + 0.5 * rng.nextDouble()));
                int r = (int) Math.round(height * (0.04 + 0.04 * rng.nextDouble()));
                rectangle(m, new Point(tx - 1, ty - 2 * r), new Point(tx + 1, ty), new Scalar(40, 60, 90, 0), FILLED, 8, 0);
                circle(m, new Point(tx, ty - 2 * r), r, jitter(rng, 40, 110, 50, 20), FILLED, LINE_AA, 0);
            }
        }
        VideoFrame frame = VideoFrame.of(m);
        m.close();
        // fixed ground texture
        byte[] bgr = frame.bgr();
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) Math.max(0, Math.min(255, (bgr[i] & 0xFF) + (int) Math.round(rng.nextGaussian() * 5)));
        }
        return new Scene(width, height, horizon, frame, List.copyOf(paths), road);
    }

    private static Path footpath(Random rng, int width, int height, double top) {
        // from one edge to another, with one bend
        double y0 = top + rng.nextDouble() * (height - top);
        double y1 = top + rng.nextDouble() * (height - top);
        double bx = width * (0.3 + 0.4 * rng.nextDouble());
        double by = top + rng.nextDouble() * (height - top);
        if (rng.nextInt(3) == 0) {
            // from the bottom edge up to the road
            double x0 = width * (0.2 + 0.6 * rng.nextDouble());
            return new Path(new double[] {x0, bx, bx + (rng.nextDouble() - 0.5) * width * 0.3},
                    new double[] {height + 10, by, top});
        }
        return new Path(new double[] {-10, bx, width + 10.0}, new double[] {y0, by, y1});
    }

    static Scalar jitter(Random rng, double b, double g, double r, double spread) {
        return new Scalar(clamp(b + (rng.nextDouble() - 0.5) * 2 * spread), clamp(g + (rng.nextDouble() - 0.5) * 2 * spread),
                clamp(r + (rng.nextDouble() - 0.5) * 2 * spread), 0);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }
}
