package gcl.synth;

import gcl.video.VideoFrame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

/**
 * Draws a clip that {@link ScenePlanner} planned, over the scene's static background, with slow
 * changes of light and sensor noise. Drawing uses OpenCV's anti-aliased primitives with sub-pixel
 * positions, so motion is smooth. The plan fixed everything random; this class only draws, so a
 * plan renders to the same frames every time.
 */
public final class SceneRenderer {
    private static final int SHIFT = 4;              // sub-pixel bits of OpenCV drawing coordinates
    private static final double ONE = 1 << SHIFT;

    /** Receives rendered frames in order. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(VideoFrame frame) throws IOException;
    }

    private SceneRenderer() {
    }

    /** Renders a planned clip frame by frame. */
    @SuppressWarnings({"unchecked", "try"}) // a PointerScope frees the natives made in it, unreferenced by design; JavaCPP's constructor is not @SafeVarargs
    public static void render(ScenePlanner.Clip clip, FrameSink sink) throws IOException {
        Scene scene = clip.scene();
        int w = scene.width();
        int h = scene.height();
        Random rng = new Random(clip.seed());
        // a small pool of sensor-noise images, positive and negative parts, drawn in a fixed order
        int pool = 6;
        byte[][] plus = new byte[pool][w * h * 3];
        byte[][] minus = new byte[pool][w * h * 3];
        for (int k = 0; k < pool; k++) {
            for (int i = 0; i < w * h * 3; i++) {
                int n = (int) Math.round(rng.nextGaussian() * 2.5);
                if (n > 0) {
                    plus[k][i] = (byte) n;
                } else {
                    minus[k][i] = (byte) -n;
                }
            }
        }
        double lightPhase = rng.nextDouble() * 2 * Math.PI;
        double lightPeriod = 200 + rng.nextInt(400);
        for (int t = 0; t < clip.frames(); t++) {
            VideoFrame frame;
            try (PointerScope scope = new PointerScope()) {
                Mat m = scene.background().toMat();
                // things further away first, so nearer ones cover them
                List<ScenePlanner.Track> order = new ArrayList<>();
                for (ScenePlanner.Track tr : clip.tracks()) {
                    if (tr.visible[t]) {
                        order.add(tr);
                    }
                }
                final int ft = t;
                order.sort((a, b) -> Double.compare(a.y[ft], b.y[ft]));
                for (ScenePlanner.Track tr : order) {
                    switch (tr.kind) {
                        case PERSON -> drawPerson(m, tr, t);
                        case CAR -> drawCar(m, tr, t);
                        case FIRE -> drawFire(m, tr, t, rng);
                    }
                }
                double gain = 1 + 0.06 * Math.sin(2 * Math.PI * t / lightPeriod + lightPhase);
                m.convertTo(m, -1, gain, clip.flash()[t]);
                int k = rng.nextInt(pool);
                Mat p = new Mat(h, w, CV_8UC3);
                p.data().put(plus[k]);
                Mat n = new Mat(h, w, CV_8UC3);
                n.data().put(minus[k]);
                add(m, p, m);
                subtract(m, n, m);
                frame = VideoFrame.of(m);
            }
            sink.accept(frame);
        }
    }

    /** Renders a planned clip into memory. */
    public static List<VideoFrame> render(ScenePlanner.Clip clip) {
        List<VideoFrame> frames = new ArrayList<>(clip.frames());
        try {
            render(clip, frames::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return frames;
    }

    private static Point pt(double x, double y) {
        return new Point((int) Math.round(x * ONE), (int) Math.round(y * ONE));
    }

    private static int thick(double v) {
        return Math.max(1, (int) Math.round(v));
    }

    private static void drawPerson(Mat m, ScenePlanner.Track p, int t) {
        double x = p.x[t];
        double y = p.y[t];
        double s = p.size[t];
        double a = Math.toRadians(p.tilt[t]);
        double ux = Math.sin(a);      // "up" along the body
        double uy = -Math.cos(a);
        double vx = Math.cos(a);      // sideways
        double vy = Math.sin(a);
        double swing = Math.sin(p.phase[t]) * (p.tilt[t] > 60 ? 0.02 : 0.13) * s;
        double hipU = 0.47 * s;
        double shoulderU = 0.8 * s;
        double hx = x + ux * hipU;
        double hy = y + uy * hipU;
        // legs
        line(m, pt(hx, hy), pt(x + vx * swing, y + vy * swing), p.second, thick(0.09 * s), LINE_AA, SHIFT);
        line(m, pt(hx, hy), pt(x - vx * swing, y - vy * swing), p.second, thick(0.09 * s), LINE_AA, SHIFT);
        // torso
        double sx = x + ux * shoulderU;
        double sy = y + uy * shoulderU;
        line(m, pt(hx, hy), pt(sx, sy), p.main, thick(0.2 * s), LINE_AA, SHIFT);
        // arms: swinging opposite to the legs, or flailing in a fight
        double armU = p.wild[t] ? 0.95 : 0.5;
        double armV = p.wild[t] ? 0.35 * Math.cos(p.phase[t] * 3) : -0.6 * swing / s;
        for (int side = -1; side <= 1; side += 2) {
            double ax = x + ux * armU * s + vx * (side * 0.12 * s + armV * s * side);
            double ay = y + uy * armU * s + vy * (side * 0.12 * s + armV * s * side);
            line(m, pt(sx, sy), pt(ax, ay), p.main, thick(0.06 * s), LINE_AA, SHIFT);
        }
        // head
        double headU = 0.91 * s;
        circle(m, pt(x + ux * headU, y + uy * headU), (int) Math.round(0.09 * s * ONE), p.skin, FILLED, LINE_AA, SHIFT);
    }

    private static void drawCar(Mat m, ScenePlanner.Track c, int t) {
        double len = c.size[t];
        double wid = 0.45 * len;
        double a = Math.toRadians(c.tilt[t]);
        double dx = Math.cos(a);
        double dy = Math.sin(a);
        // a flattened top-down-ish box: its width is seen foreshortened
        double[][] corners = {{len / 2, wid / 2}, {-len / 2, wid / 2}, {-len / 2, -wid / 2}, {len / 2, -wid / 2}};
        Point body = new Point(4);
        Point roof = new Point(4);
        for (int i = 0; i < 4; i++) {
            double cx = c.x[t] + corners[i][0] * dx - corners[i][1] * dy * 0.6;
            double cy = c.y[t] + corners[i][0] * dy + corners[i][1] * dx * 0.6 - 0.2 * wid;
            body.position(i).x((int) Math.round(cx * ONE)).y((int) Math.round(cy * ONE));
            double rx = c.x[t] + 0.55 * corners[i][0] * dx - 0.7 * corners[i][1] * dy * 0.6;
            double ry = c.y[t] + 0.55 * corners[i][0] * dy + 0.7 * corners[i][1] * dx * 0.6 - 0.45 * wid;
            roof.position(i).x((int) Math.round(rx * ONE)).y((int) Math.round(ry * ONE));
        }
        body.position(0);
        roof.position(0);
        fillConvexPoly(m, body, 4, c.main, LINE_AA, SHIFT);
        fillConvexPoly(m, roof, 4, c.second, LINE_AA, SHIFT);
        for (int side = -1; side <= 1; side += 2) {
            circle(m, pt(c.x[t] + side * 0.3 * len * dx, c.y[t] + side * 0.3 * len * dy + 0.1 * wid),
                    (int) Math.round(0.1 * len * ONE), new Scalar(20, 20, 20, 0), FILLED, LINE_AA, SHIFT);
        }
    }

    private static void drawFire(Mat m, ScenePlanner.Track f, int t, Random rng) {
        double s = f.size[t];
        // smoke rising above
        for (int k = 0; k < 3; k++) {
            double rise = ((t * 0.7 + k * 9) % 25) / 25.0;
            circle(m, pt(f.x[t] + Math.sin(t * 0.1 + k) * 0.2 * s, f.y[t] - s - rise * 1.2 * s),
                    (int) Math.round((0.25 + 0.3 * rise) * s * ONE), f.skin, FILLED, LINE_AA, SHIFT);
        }
        // flickering flames
        for (int k = 0; k < 4; k++) {
            double fh = s * (0.5 + 0.5 * rng.nextDouble());
            double fx = f.x[t] + (rng.nextDouble() - 0.5) * 0.6 * s;
            Scalar colour = k % 2 == 0 ? f.main : f.second;
            ellipse(m, pt(fx, f.y[t] - fh / 2), new Size((int) Math.round(0.18 * s * ONE), (int) Math.round(fh / 2 * ONE)),
                    (rng.nextDouble() - 0.5) * 20, 0, 360, colour, FILLED, LINE_AA, SHIFT);
        }
    }
}
