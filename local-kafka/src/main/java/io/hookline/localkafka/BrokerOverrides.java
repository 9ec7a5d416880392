package io.hookline.localkafka;

import java.util.List;
import java.util.Map;

/**
 * What a test or a user changes on top of the local broker's own settings, e.g. a SASL_SSL listener with an authorizer.
 *
 * @param securityProtocol  the client listener's protocol ({@code PLAINTEXT}, {@code SASL_SSL}, ...), also its name
 * @param serverProperties  server.properties entries applied last (they win over local-kafka's)
 * @param formatArguments   extra {@code kafka-storage format} arguments, e.g. {@code --add-scram 'SCRAM-SHA-512=[...]'}
 * @param clientProperties  the client settings that reach the broker's advertised listener (security protocol, SASL,
 *                          trust store), used to check that it answers
 */
public record BrokerOverrides(String securityProtocol, Map<String, String> serverProperties,
                              List<String> formatArguments, Map<String, Object> clientProperties) {

  public static final BrokerOverrides NONE = new BrokerOverrides("PLAINTEXT", Map.of(), List.of(), Map.of());

  public BrokerOverrides {
    if (!securityProtocol.matches("PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL")) {
      throw new IllegalArgumentException("security protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not "
          + securityProtocol);
    }
    serverProperties = Map.copyOf(serverProperties);
    formatArguments = List.copyOf(formatArguments);
    clientProperties = Map.copyOf(clientProperties);
  }
}
