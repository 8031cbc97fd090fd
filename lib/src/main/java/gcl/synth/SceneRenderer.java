package gcl.synth;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

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

/**
 * Plans and draws one clip of a {@link Scene}: people walking along the footpaths, the occasional
 * car on the road, and at most one anomalous event ({@link AnomalyType}), over the scene's
 * static background, with slow changes of light and sensor noise. Drawing uses OpenCV's
 * anti-aliased primitives with sub-pixel positions, so motion is smooth.
 *
 * <p>{@link #plan} fixes everything random (who walks where, when, how fast; when the event
 * happens); {@link #render} only draws, so a plan renders to the same frames every time.
 */
public final class SceneRenderer {
    private static final int SHIFT = 4;              // sub-pixel bits of OpenCV drawing coordinates
    private static final double ONE = 1 << SHIFT;

    /** What is drawn in one frame for one thing in the scene. */
    enum Kind { PERSON, CAR, FIRE }

    /**
     * One thing in the clip, frame by frame ({@code visible[t]} false where it is not in view).
     * Persons: (x, y) = feet, size = height, tilt = degrees from upright, phase = gait phase.
     * Cars: (x, y) = centre, size = length, tilt = heading in degrees. Fire: (x, y) = base, size = flame height.
     */
    static final class Track {
        final Kind kind;
        final boolean[] visible;
        final double[] x;
        final double[] y;
        final double[] size;
        final double[] tilt;
        final double[] phase;
        final boolean[] wild;
        final Scalar main;
        final Scalar second;
        final Scalar skin;

        Track(Kind kind, int frames, Scalar main, Scalar second, Scalar skin) {
            this.kind = kind;
            visible = new boolean[frames];
            x = new double[frames];
            y = new double[frames];
            size = new double[frames];
            tilt = new double[frames];
            phase = new double[frames];
            wild = new boolean[frames];
            this.main = main;
            this.second = second;
            this.skin = skin;
        }

        void set(int t, double px, double py, double s, double angle, double ph) {
            if (t < 0 || t >= visible.length) {
                return;
            }
            visible[t] = true;
            x[t] = px;
            y[t] = py;
            size[t] = s;
            tilt[t] = angle;
            phase[t] = ph;
        }
    }

    /**
     * A planned clip.
     *
     * @param scene   the camera
     * @param frames  its length
     * @param anomaly the event, or null for a normal clip
     * @param start   first anomalous frame (0 when normal)
     * @param end     frame after the last anomalous one (0 when normal)
     * @param seed    the seed of its noise and flicker
     */
    public record Clip(Scene scene, int frames, AnomalyType anomaly, int start, int end, List<Track> tracks,
                       double[] flash, long seed) {
        /** Frame-level ground truth: true on the anomalous frames. */
        public boolean[] groundTruth() {
            boolean[] gt = new boolean[frames];
            for (int t = start; t < end; t++) {
                gt[t] = true;
            }
            return gt;
        }
    }

    /** Receives rendered frames in order. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(VideoFrame frame) throws IOException;
    }

    private SceneRenderer() {
    }

    /**
     * Plans a clip.
     *
     * @param anomaly the event, or null for a normal clip
     */
    public static Clip plan(Scene scene, Random rng, int frames, AnomalyType anomaly) {
        List<Track> tracks = new ArrayList<>();
        // people walking along each footpath, some already on it when the clip starts
        for (Scene.Path path : scene.footpaths()) {
            double meanGap = 60 + rng.nextInt(80);
            double t = -rng.nextDouble() * 300;
            while (t < frames) {
                Track w = person(frames, rng);
                walk(scene, path, w, (int) Math.floor(t), rng.nextBoolean(), 0.03 * (0.8 + 0.4 * rng.nextDouble()),
                        Integer.MAX_VALUE, rng.nextDouble() * 6);
                tracks.add(w);
                t += -meanGap * Math.log(1 - rng.nextDouble()) + 20;
            }
        }
        // the occasional car on the road
        double t = -rng.nextDouble() * 200;
        while (t < frames) {
            t += -250 * Math.log(1 - rng.nextDouble());
            if (t >= frames) {
                break;
            }
            Track car = car(frames, rng);
            drive(scene, scene.road(), car, (int) t, rng.nextBoolean(), 1.8 + 1.2 * rng.nextDouble());
            tracks.add(car);
            t += 40;
        }
        double[] flash = new double[frames];
        int start = 0;
        int end = 0;
        if (anomaly != null) {
            int[] interval = addEvent(scene, rng, frames, anomaly, tracks, flash);
            start = interval[0];
            end = interval[1];
        }
        return new Clip(scene, frames, anomaly, start, end, List.copyOf(tracks), flash, rng.nextLong());
    }

    private static int[] addEvent(Scene scene, Random rng, int frames, AnomalyType type, List<Track> tracks, double[] flash) {
        int w = scene.width();
        int h = scene.height();
        Scene.Path path = scene.footpaths().get(rng.nextInt(scene.footpaths().size()));
        int earliest = frames / 6;
        switch (type) {
            case RUNNING -> {
                double y = scene.horizon() + (h - scene.horizon()) * (0.35 + 0.55 * rng.nextDouble());
                boolean leftToRight = rng.nextBoolean();
                Scene.Path line = new Scene.Path(new double[] {-8, w + 8.0}, new double[] {y, y + (rng.nextDouble() - 0.5) * 20});
                int s = earliest + rng.nextInt(Math.max(1, frames / 2 - earliest));
                Track runner = person(frames, rng);
                int last = walk(scene, line, runner, s, leftToRight, 0.11 + 0.03 * rng.nextDouble(), Integer.MAX_VALUE, 0);
                tracks.add(runner);
                return new int[] {s, Math.min(frames, last + 1)};
            }
            case FALL -> {
                int lying = 30 + rng.nextInt(50);
                int s = earliest + rng.nextInt(Math.max(1, frames - earliest - lying - 20));
                Track faller = person(frames, rng);
                // walks in from the path's end and is well in view when falling
                walk(scene, path, faller, s - 45, rng.nextBoolean(), 0.03, s, 0);
                double fx = faller.x[Math.max(0, s - 1)];
                double fy = faller.y[Math.max(0, s - 1)];
                double size = scene.personHeight(fy);
                int down = 8;
                for (int k = 0; k < down + lying + down; k++) {
                    double angle = k < down ? 90.0 * (k + 1) / down
                            : k < down + lying ? 90 + 3 * Math.sin(k * 0.7) * (k < down + 10 ? 1 : 0.3)
                            : 90.0 * (down + lying + down - k - 1) / down;
                    faller.set(s + k, fx, fy, size, angle, 0);
                }
                int e = Math.min(frames, s + down + lying + down);
                // then walks on
                Scene.Path rest = new Scene.Path(new double[] {fx, fx + (rng.nextBoolean() ? 1 : -1) * 200.0}, new double[] {fy, fy});
                walk(scene, rest, faller, e, true, 0.03, Integer.MAX_VALUE, 0);
                tracks.add(faller);
                return new int[] {s, e};
            }
            case FIGHT -> {
                int d = 48 + rng.nextInt(60);
                int s = earliest + rng.nextInt(Math.max(1, frames - earliest - d));
                double[] m = path.at(path.length() * (0.3 + 0.4 * rng.nextDouble()));
                double size = scene.personHeight(m[1]);
                Track a = person(frames, rng);
                Track b = person(frames, rng);
                int approach = 30;
                for (int k = -approach; k < 0; k++) {
                    double off = 0.9 * size * (-k) / approach + 0.15 * size;
                    a.set(s + k, m[0] - off, m[1], size, 0, (s + k) * 0.25);
                    b.set(s + k, m[0] + off, m[1], size, 0, (s + k) * 0.25 + 3);
                }
                for (int k = 0; k < d; k++) {
                    int t = s + k;
                    a.set(t, m[0] - 0.15 * size + (rng.nextDouble() - 0.5) * 0.5 * size, m[1] + (rng.nextDouble() - 0.5) * 0.15 * size,
                            size, (rng.nextDouble() - 0.3) * 50, rng.nextDouble() * 6);
                    b.set(t, m[0] + 0.15 * size + (rng.nextDouble() - 0.5) * 0.5 * size, m[1] + (rng.nextDouble() - 0.5) * 0.15 * size,
                            size, -(rng.nextDouble() - 0.3) * 50, rng.nextDouble() * 6);
                    if (t < frames) {
                        a.wild[t] = true;
                        b.wild[t] = true;
                    }
                }
                int e = Math.min(frames, s + d);
                walk(scene, new Scene.Path(new double[] {m[0] - 0.15 * size, -50}, new double[] {m[1], m[1]}), a, e, true, 0.03,
                        Integer.MAX_VALUE, 0);
                walk(scene, new Scene.Path(new double[] {m[0] + 0.15 * size, w + 50.0}, new double[] {m[1], m[1]}), b, e, true, 0.03,
                        Integer.MAX_VALUE, 0);
                tracks.add(a);
                tracks.add(b);
                return new int[] {s, e};
            }
            case VEHICLE_ON_PATH -> {
                int s = earliest + rng.nextInt(Math.max(1, frames / 2 - earliest));
                Track car = car(frames, rng);
                int last = drive(scene, path, car, s, rng.nextBoolean(), 2.5 + 1.0 * rng.nextDouble());
                tracks.add(car);
                return new int[] {s, Math.min(frames, last + 1)};
            }
            case FIRE -> {
                int d = 60 + rng.nextInt(70);
                int s = earliest + rng.nextInt(Math.max(1, frames - earliest - d));
                double fx = w * (0.15 + 0.7 * rng.nextDouble());
                double fy = scene.horizon() + (h - scene.horizon()) * (0.4 + 0.5 * rng.nextDouble());
                Track fire = new Track(Kind.FIRE, frames, new Scalar(0, 120, 255, 0), new Scalar(0, 220, 255, 0),
                        new Scalar(90, 90, 90, 0));
                double full = scene.personHeight(fy) * (1.0 + 0.8 * rng.nextDouble());
                for (int k = 0; k < d; k++) {
                    double grow = Math.min(1, (k + 4) / 20.0);
                    fire.set(s + k, fx, fy, full * grow * (0.85 + 0.3 * rng.nextDouble()), 0, rng.nextDouble() * 6.28);
                }
                for (int k = 0; k < 6 && s + k < frames; k++) {
                    flash[s + k] = 110 * Math.pow(0.6, k);
                }
                tracks.add(fire);
                return new int[] {s, Math.min(frames, s + d)};
            }
            default -> throw new IllegalStateException("unknown anomaly " + type);
        }
    }

    private static Track person(int frames, Random rng) {
        Scalar shirt = Scene.jitter(rng, 128, 128, 128, 127);
        Scalar pants = Scene.jitter(rng, 60, 50, 50, 50);
        Scalar[] skins = {new Scalar(150, 180, 225, 0), new Scalar(100, 140, 190, 0), new Scalar(60, 90, 130, 0)};
        return new Track(Kind.PERSON, frames, shirt, pants, skins[rng.nextInt(skins.length)]);
    }

    private static Track car(int frames, Random rng) {
        return new Track(Kind.CAR, frames, Scene.jitter(rng, 128, 128, 128, 127), new Scalar(60, 50, 40, 0), null);
    }

    /**
     * Moves a person along a path from frame {@code start} at {@code pace} body heights per frame
     * (perspective: slower in pixels far away), until the path ends or frame {@code stop}.
     *
     * @return the last frame it is drawn
     */
    private static int walk(Scene scene, Scene.Path path, Track p, int start, boolean forward, double pace, int stop, double phase0) {
        double length = path.length();
        double s = 0;
        int t = start;
        while (s <= length && t < p.visible.length && t < stop) {
            double[] at = path.at(forward ? s : length - s);
            double size = scene.personHeight(at[1]);
            p.set(t, at[0], at[1], size, 0, phase0 + s / (0.35 * size) * Math.PI);
            s += pace * size;
            t++;
        }
        return t - 1;
    }

    /** Moves a car along a path at a fixed speed in pixels per frame; returns the last frame it is drawn. */
    private static int drive(Scene scene, Scene.Path path, Track car, int start, boolean forward, double speed) {
        double length = path.length();
        double s = -20;
        int t = start;
        while (s <= length + 20 && t < car.visible.length) {
            double[] at = path.at(forward ? s : length - s);
            double heading = Math.toDegrees(Math.atan2(at[3], at[2])) + (forward ? 0 : 180);
            double size = 2.4 * scene.personHeight(at[1]);
            car.set(t, at[0] + (s < 0 ? (forward ? s : -s) * at[2] : 0), at[1], size, heading, 0);
            s += speed * scene.personHeight(at[1]) / scene.personHeight(scene.height());
            t++;
        }
        return t - 1;
    }

    /** Renders a planned clip frame by frame. */
    @SuppressWarnings({"unchecked", "try"}) // a PointerScope frees the natives made in it, unreferenced by design; JavaCPP's constructor is not @SafeVarargs
    public static void render(Clip clip, FrameSink sink) throws IOException {
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
                List<Track> order = new ArrayList<>();
                for (Track tr : clip.tracks()) {
                    if (tr.visible[t]) {
                        order.add(tr);
                    }
                }
                final int ft = t;
                order.sort((a, b) -> Double.compare(a.y[ft], b.y[ft]));
                for (Track tr : order) {
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
    public static List<VideoFrame> render(Clip clip) {
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

    private static void drawPerson(Mat m, Track p, int t) {
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

    private static void drawCar(Mat m, Track c, int t) {
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

    private static void drawFire(Mat m, Track f, int t, Random rng) {
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
