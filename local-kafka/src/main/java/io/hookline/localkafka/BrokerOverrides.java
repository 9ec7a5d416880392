package io.hookline.localkafka;

import java.util.List;
import java.util.Map;

/**
 * What a test or a user changes on top of the local broker's own settings, e.g. a SASL_SSL listener with an authorizer.
 *
 * @param serverProperties  server.properties entries applied last (they win over local-kafka's)
 * @param formatArguments   extra {@code kafka-storage format} arguments, e.g. {@code --add-scram 'SCRAM-SHA-512=[...]'}
 * @param clientProperties  the client settings that reach the broker's advertised listener (security protocol, SASL,
 *                          trust store), used to check that it answers
 */
public record BrokerOverrides(Map<String, String> serverProperties, List<String> formatArguments,
                              Map<String, Object> clientProperties) {

  public static final BrokerOverrides NONE = new BrokerOverrides(Map.of(), List.of(), Map.of());

  public BrokerOverrides {
    serverProperties = Map.copyOf(serverProperties);
    formatArguments = List.copyOf(formatArguments);
    clientProperties = Map.copyOf(clientProperties);
  }
}
