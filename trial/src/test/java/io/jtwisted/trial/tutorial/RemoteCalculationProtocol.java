package io.jtwisted.trial.tutorial;

import io.jtwisted.protocols.basic.LineReceiver;
import java.util.function.IntBinaryOperator;

/**
 * The server of trial's tutorial: each line {@code "add 7 6"} is answered with the result
 * ({@code "13"}), and anything it cannot compute with {@code "error"}.
 */
public class RemoteCalculationProtocol extends LineReceiver {
    @Override
    public void lineReceived(String line) {
        String[] words = line.split(" ");
        if (words.length != 3) {
            sendLine("error");
            return;
        }
        IntBinaryOperator operation = switch (words[0]) {
            case "add" -> Math::addExact;
            case "subtract" -> Math::subtractExact;
            case "multiply" -> Math::multiplyExact;
            case "divide" -> Math::floorDiv;
            default -> null;
        };
        try {
            int a = Integer.parseInt(words[1]);
            int b = Integer.parseInt(words[2]);
            if (operation == null) {
                sendLine("error");
                return;
            }
            sendLine(Integer.toString(operation.applyAsInt(a, b)));
        } catch (NumberFormatException | ArithmeticException badInput) {
            sendLine("error");
        }
    }
}
