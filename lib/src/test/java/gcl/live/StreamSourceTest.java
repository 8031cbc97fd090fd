package gcl.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamSourceTest {
    @Test
    void kindsOfSource() {
        StreamSource rtsp = StreamSource.parse("rtsp://10.0.0.5:554/stream1");
        assertEquals(StreamSource.Kind.NETWORK, rtsp.kind());
        assertEquals("rtsp", rtsp.scheme());
        assertTrue(rtsp.live());
        StreamSource cam = StreamSource.parse("camera:2");
        assertEquals(StreamSource.Kind.CAMERA, cam.kind());
        assertEquals("/dev/video2", cam.target());
        assertEquals("video4linux2", cam.format());
        assertEquals(StreamSource.Kind.CAMERA, StreamSource.parse("/dev/video0").kind());
        StreamSource file = StreamSource.parse("clips/a.mp4");
        assertEquals(StreamSource.Kind.FILE, file.kind());
        assertFalse(file.live());
        assertNull(file.format());
        assertEquals(Map.of(), file.options(5));
    }

    /** RTSP over TCP with a socket timeout; every network read gives up after the read timeout. */
    @Test
    void networkStreamsHaveReadTimeouts() {
        Map<String, String> rtsp = StreamSource.parse("rtsp://cam/live").options(2.5);
        assertEquals("tcp", rtsp.get("rtsp_transport"));
        assertEquals("2500000", rtsp.get("timeout"));
        assertEquals("2500000", rtsp.get("rw_timeout"));
        Map<String, String> udp = StreamSource.parse("udp://127.0.0.1:5000").options(1);
        assertEquals("1000000", udp.get("timeout"));
        assertFalse(udp.containsKey("rtsp_transport"));
        assertEquals("1000000", StreamSource.parse("http://host/a.ts").options(1).get("rw_timeout"));
    }

    @Test
    void anUnknownSchemeOrNothingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamSource.parse("gopher://x/y"));
        assertTrue(e.getMessage().contains("gopher"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamSource.parse(" "));
    }

    @Test
    void aMissingFileOrCameraIsOneClearMessage() {
        IOException e = assertThrows(IOException.class, () -> StreamSource.parse("/no/such/clip.mp4").open(1));
        assertEquals("cannot open /no/such/clip.mp4: no such file", e.getMessage());
        e = assertThrows(IOException.class, () -> StreamSource.parse("camera:97").open(1));
        assertEquals("cannot open camera camera:97: no such device /dev/video97", e.getMessage());
    }
}
