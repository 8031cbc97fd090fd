package gcl.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Plans one clip of a {@link Scene}: people walking along the footpaths, the occasional car on the
 * road, and at most one anomalous event ({@link AnomalyType}). The plan fixes everything random
 * (who walks where, when, how fast; when the event happens); {@link SceneRenderer} only draws it.
 */
public final class ScenePlanner {
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

    private ScenePlanner() {
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
}
