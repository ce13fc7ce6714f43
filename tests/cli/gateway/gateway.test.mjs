// SPDX-License-Identifier: Apache-2.0
// The official `openai` npm client against `cody-chat-cli serve` against the fake Sourcegraph:
// model listing, whole and streamed chats, automatic continuation, the extension that turns it
// off, errors in OpenAI's shape, and the gateway's own API key. run.sh starts the servers and
// passes their addresses in the environment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import OpenAI from 'openai';

const { GATEWAY_URL, GATEWAY_KEYED_URL, GATEWAY_KEY, TRUNCATED_TEXT, SOURCEGRAPH_TOKEN } =
    process.env;
// The gateway does not check a key unless started with one; the client still sends one.
const client = new OpenAI({ baseURL: GATEWAY_URL, apiKey: 'unused', maxRetries: 0 });
const user = (content) => [{ role: 'user', content }];

async function collect(stream) {
    let text = '';
    let finish = null;
    let role = null;
    let chunks = 0;
    for await (const chunk of stream) {
        ++chunks;
        const choice = chunk.choices[0];
        if (!choice) continue;
        role ??= choice.delta.role ?? null;
        text += choice.delta.content ?? '';
        finish = choice.finish_reason ?? finish;
    }
    return { text, finish, role, chunks };
}

test('lists the aliases and the server\'s chat models', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    const ids = models.map((m) => m.id);
    for (const alias of ['cody-sonnet', 'cody-opus', 'cody-haiku', 'cody-gpt4', 'cody-gpt35', 'cody-gemini'])
        assert.ok(ids.includes(alias), `${alias} in ${ids}`);
    assert.ok(ids.some((id) => id.startsWith('cody/')), `a server model in ${ids}`);
    assert.ok(models.every((m) => m.object === 'model' && typeof m.owned_by === 'string'));
});

test('a whole reply, by alias', async () => {
    const completion = await client.chat.completions.create({
        model: 'cody-sonnet',
        messages: [{ role: 'system', content: 'Be brief.' }, ...user('hello otters')],
        max_tokens: 100, temperature: 0.2, top_p: 0.9, stop: ['\n\n'],
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.choices[0].message.role, 'assistant');
    assert.match(completion.choices[0].message.content, /hello otters/);
    assert.equal(completion.choices[0].finish_reason, 'stop');
    assert.equal(completion.model, 'cody/anthropic::2023-06-01::claude-3.5-sonnet');
    assert.ok(completion.usage.total_tokens > 0);
});

test('a streamed reply, by cody/… name and by bare modelRef', async () => {
    for (const model of ['cody/anthropic::2023-06-01::claude-3.5-sonnet', 'anthropic::2023-06-01::claude-3-haiku']) {
        const stream = await client.chat.completions.create({ model, messages: user('stream please'), stream: true });
        const { text, finish, role, chunks } = await collect(stream);
        assert.equal(role, 'assistant');
        assert.match(text, /stream please/);
        assert.equal(finish, 'stop');
        assert.ok(chunks >= 3, `${chunks} chunks`);
    }
});

test('a reply cut off by the output limit arrives whole, streamed and not', async () => {
    const whole = await client.chat.completions.create({ model: 'fake::v1::truncated', messages: user('long') });
    assert.equal(whole.choices[0].message.content, TRUNCATED_TEXT);
    assert.equal(whole.choices[0].finish_reason, 'stop');

    const stream = await client.chat.completions.create({
        model: 'fake::v1::truncated', messages: user('long'), stream: true,
        stream_options: { include_usage: true },
    });
    let usage = null;
    let text = '';
    let finish = null;
    for await (const chunk of stream) {
        usage = chunk.usage ?? usage;
        if (chunk.choices[0]) {
            text += chunk.choices[0].delta.content ?? '';
            finish = chunk.choices[0].finish_reason ?? finish;
        }
    }
    assert.equal(text, TRUNCATED_TEXT);
    assert.equal(finish, 'stop');
    assert.ok(usage && usage.completion_tokens > 0);
});

test('cody_auto_continue: false leaves a cut-off reply cut off, with finish_reason length', async () => {
    const whole = await client.chat.completions.create({
        model: 'fake::v1::truncated', messages: user('long'), cody_auto_continue: false,
    });
    const text = whole.choices[0].message.content;
    assert.equal(whole.choices[0].finish_reason, 'length');
    assert.ok(text.length > 0 && text.length < TRUNCATED_TEXT.length);
    assert.ok(TRUNCATED_TEXT.startsWith(text.trimEnd()));

    const stream = await client.chat.completions.create({
        model: 'fake::v1::truncated', messages: user('long'), stream: true, cody_auto_continue: false,
    });
    assert.equal((await collect(stream)).finish, 'length');
});

test('a failure after the stream began ends it with an error event, text so far kept', async () => {
    const stream = await client.chat.completions.create({
        model: 'fake::v1::truncated-then-fails', messages: user('long'), stream: true,
    });
    let text = '';
    await assert.rejects(async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    }, (error) => {
        assert.ok(error instanceof OpenAI.APIError, String(error));
        assert.match(error.message, /continuation 1 failed/);
        return true;
    });
    assert.ok(text.length > 0 && TRUNCATED_TEXT.startsWith(text));
});

async function rejects(request, status, check) {
    await assert.rejects(request, (error) => {
        assert.ok(error instanceof OpenAI.APIError, String(error));
        assert.equal(error.status, status);
        assert.equal(typeof error.error?.message, 'string');
        assert.ok(!JSON.stringify(error.error).includes(SOURCEGRAPH_TOKEN), 'the token is never echoed');
        check?.(error);
        return true;
    });
}

test('errors come in OpenAI\'s shape with the matching status', async () => {
    await rejects(client.chat.completions.create({ model: 'fake::v1::unauthorized', messages: user('x') }), 401,
        (e) => assert.ok(e instanceof OpenAI.AuthenticationError));
    await rejects(client.chat.completions.create({ model: 'fake::v1::rate-limited-long', messages: user('x') }), 429,
        (e) => {
            assert.ok(e instanceof OpenAI.RateLimitError);
            assert.equal(e.headers['retry-after'], '300');
        });
    await rejects(client.chat.completions.create({ model: 'fake::v1::html', messages: user('x'), stream: true }), 502);
    await rejects(client.chat.completions.create({ model: 'not a model!', messages: user('x') }), 404,
        (e) => assert.equal(e.code, 'model_not_found'));
    await rejects(client.chat.completions.create({ model: 'cody-sonnet', messages: [] }), 400,
        (e) => assert.equal(e.type, 'invalid_request_error'));
    await rejects(client.chat.completions.create({
        model: 'cody-sonnet', messages: [{ role: 'tool', content: 'x', tool_call_id: '1' }],
    }), 400);
});

test('with --api-key, only a client sending that key gets in', async () => {
    const wrong = new OpenAI({ baseURL: GATEWAY_KEYED_URL, apiKey: 'wrong', maxRetries: 0 });
    await rejects(wrong.models.list(), 401, (e) => assert.equal(e.code, 'invalid_api_key'));
    await rejects(wrong.chat.completions.create({ model: 'cody-sonnet', messages: user('x') }), 401);
    const right = new OpenAI({ baseURL: GATEWAY_KEYED_URL, apiKey: GATEWAY_KEY, maxRetries: 0 });
    const completion = await right.chat.completions.create({ model: 'cody-haiku', messages: user('keyed') });
    assert.match(completion.choices[0].message.content, /keyed/);
});
