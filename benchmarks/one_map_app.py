import plotly.graph_objects as go
import streamlit as st

st.write("SCO")
fig = go.Figure(go.Choropleth(locations=["CHN", "RUS", "KAZ"], z=[0, 1, 2], locationmode="ISO-3"))
fig.update_geos(showland=True)
st.plotly_chart(fig, config={"topojsonURL": "app/static/"})
