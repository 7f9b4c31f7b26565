// Runs regular expressions with java.util.regex, the engine behind Apex's Pattern and Matcher, so a Jest
// test can compare every match with JavaScript's. Input (UTF-8, one item per line):
//   P <flags> <base64 pattern>    flags: "-" or "i" (CASE_INSENSITIVE, ASCII only, as Apex)
//   T <base64 text>
// Output, one line per match: <pattern index> <text index> <start> <end> <group1 start> <group1 end>
// (UTF-16 offsets; -1 -1 when the pattern has no group 1 or it did not take part). A pattern Java cannot
// compile prints "E <pattern index> <message>".
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class RegexCrossCheck {
    public static void main(String[] args) throws Exception {
        List<Pattern> patterns = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Base64.Decoder decoder = Base64.getDecoder();
        try (BufferedReader in = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("P ")) {
                    String[] parts = line.split(" ", 3);
                    String source = new String(decoder.decode(parts[2]), StandardCharsets.UTF_8);
                    int flags = parts[1].contains("i") ? Pattern.CASE_INSENSITIVE : 0;
                    try {
                        patterns.add(Pattern.compile(source, flags));
                    } catch (PatternSyntaxException e) {
                        out.println("E " + patterns.size() + " " + e.getDescription());
                        patterns.add(null);
                    }
                } else if (line.startsWith("T ")) {
                    texts.add(new String(decoder.decode(line.substring(2)), StandardCharsets.UTF_8));
                }
            }
        }
        for (int p = 0; p < patterns.size(); p++) {
            Pattern pattern = patterns.get(p);
            if (pattern == null) {
                continue;
            }
            for (int t = 0; t < texts.size(); t++) {
                Matcher m = pattern.matcher(texts.get(t));
                boolean hasGroup = m.groupCount() >= 1;
                while (m.find()) {
                    int gs = hasGroup ? m.start(1) : -1;
                    int ge = hasGroup ? m.end(1) : -1;
                    out.println(p + " " + t + " " + m.start() + " " + m.end() + " " + gs + " " + ge);
                }
            }
        }
        out.flush();
    }
}
