package uk.nhsjob.localstack.kafka;

/**
 * The two ports of one node of a KRaft cluster whose nodes are both broker and
 * controller.
 *
 * @param port the clients' (PLAINTEXT) port
 * @param controllerPort the controller quorum's port
 */
public record KafkaNodePorts(int port, int controllerPort) {

}
