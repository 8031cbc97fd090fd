package gcl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    private static String problemOf(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(json));
        return JsonSyntax.problem(e);
    }

    @Test
    void namesThePlaceAndWhatWasFoundThereWithoutTheParsersExpectations() {
        String p = problemOf("{\n  \"a\": nul\n}");
        assertTrue(p.startsWith("line 2, column "), p);
        assertTrue(p.endsWith("unrecognized token 'nul'"), p);
        assertFalse(p.contains("expecting") || p.contains("null"), p);
    }

    @Test
    void anUnquotedKeyIsNamedByItsCharacter() {
        String p = problemOf("{name: 1}");
        assertTrue(p.startsWith("line 1, column ") && p.contains("unexpected character ('n'"), p);
        assertFalse(p.contains("expecting"), p);
    }
}
