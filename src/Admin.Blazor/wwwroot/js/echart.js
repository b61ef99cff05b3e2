// One ECharts chart in an element, for Components/Cockpit/EChart.razor: the server sends the option
// (plain JSON) and gets the clicked item back. The chart follows the element's size.
import { loadEcharts } from './bundles.js';

export async function create(element, option, dotNet) {
  const echarts = await loadEcharts();
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  const handle = { chart, dotNet, resize: new ResizeObserver(() => chart.resize()) };
  chart.setOption(option);
  chart.on('click', params => {
    const id = (params.data && params.data.id) || params.name;
    if (handle.dotNet && id) {
      handle.dotNet.invokeMethodAsync('OnChartClick', String(id));
    }
  });
  handle.resize.observe(element);
  return handle;
}

export function update(handle, option) {
  handle.chart.setOption(option, true);
}

export function dispose(handle) {
  handle.dotNet = null;
  handle.resize.disconnect();
  handle.chart.dispose();
}
