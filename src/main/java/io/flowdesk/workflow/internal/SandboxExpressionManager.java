package io.flowdesk.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.workflow.ExpressionRules;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.javax.el.CouldNotResolvePropertyELResolver;
import org.flowable.common.engine.impl.javax.el.ELContext;
import org.flowable.common.engine.impl.javax.el.ELResolver;
import org.flowable.common.engine.impl.javax.el.ListELResolver;
import org.flowable.common.engine.impl.javax.el.MapELResolver;
import org.flowable.engine.impl.el.ProcessExpressionManager;

/**
 * The expression resolver for untrusted BPMN: names resolve to process variables holding plain values
 * (text, numbers, booleans, dates, JSON, lists and maps of those) or to FlowDesk's catalogue delegates;
 * properties resolve only on maps, lists and JSON. No bean properties, no method calls, no {@code execution},
 * so {@code getClass()} and reflection have nothing to reach. A name that is no variable reads as null (an unfilled
 * optional field), except the engine's own names ({@link ExpressionRules#isForbiddenName}), which fail.
 */
public class SandboxExpressionManager extends ProcessExpressionManager {

    public SandboxExpressionManager(Map<Object, Object> catalogue) {
        super(catalogue);
    }

    @Override
    protected List<ELResolver> createDefaultElResolvers() {
        List<ELResolver> resolvers = new ArrayList<>();
        resolvers.add(new PlainVariableResolver(beans));
        resolvers.add(new ListELResolver(true));
        resolvers.add(new MapELResolver(true));
        resolvers.add(createJsonNodeElResolver());
        resolvers.add(new DenyEverythingElse());
        resolvers.add(new CouldNotResolvePropertyELResolver());
        return resolvers;
    }

    static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof Temporal || value instanceof JsonNode
                || value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Character;
    }

    /** Top-level names: catalogue delegates, then process variables with plain values. */
    static final class PlainVariableResolver extends ReadOnlyResolver {
        private final Map<Object, Object> catalogue;

        PlainVariableResolver(Map<Object, Object> catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null || !(property instanceof String name)) {
                return null;
            }
            if (catalogue != null && catalogue.containsKey(name)) {
                context.setPropertyResolved(true);
                return catalogue.get(name);
            }
            Object container = context.getContext(VariableContainer.class);
            if (container instanceof VariableContainer variables && variables.hasVariable(name)) {
                Object value = variables.getVariable(name);
                if (!isPlain(value)) {
                    throw new SandboxRefusal("value", name, "Variable '" + name + "' does not hold a plain value");
                }
                context.setPropertyResolved(true);
                return value;
            }
            if (container instanceof VariableContainer && !ExpressionRules.isForbiddenName(name)) {
                // a form field nobody filled in: the publish gate only lets known field names through, and a
                // condition on an empty optional field must read it as empty, not fail the ticket (issue 15)
                context.setPropertyResolved(true);
                return null;
            }
            return null;
        }
    }

    /** Anything not resolved above on a non-null base (bean properties) or any method call fails. */
    static final class DenyEverythingElse extends ReadOnlyResolver {
        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            throw new SandboxRefusal("property", String.valueOf(property),
                    "Property '" + property + "' cannot be read in a FlowDesk expression");
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            throw new SandboxRefusal("call", String.valueOf(method),
                    "Method calls ('" + method + "') are not allowed in FlowDesk expressions");
        }
    }

    abstract static class ReadOnlyResolver extends ELResolver {
        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base == null) {
                return;
            }
            throw new SandboxRefusal("assign", String.valueOf(property), "Expressions cannot assign values");
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }

        @Override
        public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }
    }
}
