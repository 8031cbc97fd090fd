package gcl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** How a JSON file that does not parse is named in a message: the place and the problem, in a reader's terms. */
public final class JsonSyntax {
    private JsonSyntax() {
    }

    /**
     * A JSON syntax error in a reader's terms: where it is and what was found there, without the parser's
     * list of the tokens it expected ("line 1, column 6: unrecognized token 'name'").
     */
    public static String problem(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().strip();
        int colon = what.indexOf(": ");
        if (colon > 0) {
            what = what.substring(0, colon);
        }
        what = what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
    }
}
