package io.hookline.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --port} value: 0 to 65535, where 0 asks for any free port. Checked while the command line is parsed, so a
 * typo is a usage error naming the option rather than a bind failure deep in a server's start.
 */
public final class TcpPort implements ITypeConverter<Integer> {

    public static final int MAX = 65_535;

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a port number (0 to " + MAX + ")");
        }
        if (port < 0 || port > MAX) {
            throw new TypeConversionException("'" + value + "' is not a port number (0 to " + MAX
                    + "; 0 picks a free port)");
        }
        return port;
    }
}
