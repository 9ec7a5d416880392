package io.hookline.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads shell examples (the README's {@code bash} blocks, the examples of {@code --help} footers) the way a reader
 * types them: comments dropped, {@code \} continuation lines joined, simple quoting undone.
 */
final class ShellExamples {

    private static final Pattern HEREDOC = Pattern.compile("cat > (\\S+) <<'EOF'");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");

    /**
     * The lines of a Markdown text's {@code bash} blocks.
     *
     * @param lines the shell lines, without the bodies of {@code cat > FILE <<'EOF'} here-documents
     * @param files each here-document's file name and content, in README order
     */
    record BashBlocks(List<String> lines, Map<String, String> files) {
    }

    private ShellExamples() {
    }

    static BashBlocks bashBlocks(String markdown) {
        List<String> lines = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        boolean inBash = false;
        String heredocFile = null;
        StringBuilder heredoc = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            if (heredocFile != null) {
                if (line.equals("EOF")) {
                    files.put(heredocFile, heredoc.toString());
                    heredocFile = null;
                    heredoc.setLength(0);
                } else {
                    heredoc.append(line).append('\n');
                }
                continue;
            }
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
            Matcher m = HEREDOC.matcher(line.strip());
            if (m.matches()) {
                heredocFile = m.group(1);
            } else {
                lines.add(line);
            }
        }
        return new BashBlocks(List.copyOf(lines), files);
    }

    /** The commands among {@code lines} that run {@code program}, continuation lines joined, comments dropped. */
    static List<String> commands(List<String> lines, String program) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            String code = line.replaceAll("\\s+#.*$", "").strip();
            if (current != null) {
                current.append(' ').append(code);
            } else if (code.equals(program) || code.startsWith(program + " ")) {
                current = new StringBuilder(code);
            }
            if (current != null && current.toString().endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else if (current != null) {
                commands.add(current.toString().strip());
                current = null;
            }
        }
        return commands;
    }

    /** Splits like a shell for the simple quoting the examples use ("..." and '...'). */
    static String[] words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words.toArray(String[]::new);
    }
}
